import { Stack } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { AchievementBar } from './AchievementBar.tsx';
import { type Evaluation, type EvaluationRow, QUALITY_KEYS } from './types.ts';
import { useMetrics } from './useMetrics.ts';

const PAGE_SIZE = 50;

interface EvaluationTablesProps<T extends EvaluationRow> {
  /** Names the group (per member, per type, per kecamatan) in both tables' captions. */
  caption: string;
  rows: T[];
  rowKey(row: T): string | number;
  /** The columns naming each row (member, type, kecamatan), first in both tables. */
  nameColumns: ColumnDef<T, unknown>[];
  thresholds: Evaluation['thresholds'];
}

/**
 * One grouping of the evaluation as two tables: each metric's achievement against its target, and
 * the visit quality signals. The server sends the quarter at once; the tables page it.
 */
export function EvaluationTables<T extends EvaluationRow>({
  caption,
  rows,
  rowKey,
  nameColumns,
  thresholds,
}: EvaluationTablesProps<T>) {
  const { t } = useTranslation();
  const format = useFormat();
  const metrics = useMetrics();
  const [page, setPage] = useState(0);
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const pagination = { page, pageSize: PAGE_SIZE, total: rows.length, onPageChange: setPage };

  const metricColumns = useMemo<ColumnDef<T, unknown>[]>(
    () => [
      ...nameColumns,
      ...metrics.metrics.map(
        (metric): ColumnDef<T, unknown> => ({
          id: metric.code,
          header: metrics.label(metric.code),
          cell: ({ row }) => {
            const result = row.original.metrics.find((m) => m.metric === metric.code);
            return result ? (
              <AchievementBar
                achieved={result.achieved}
                target={result.target}
                label={metrics.label(metric.code)}
              />
            ) : (
              '–'
            );
          },
        }),
      ),
    ],
    [nameColumns, metrics],
  );

  const qualityColumns = useMemo<ColumnDef<T, unknown>[]>(
    () => [
      ...nameColumns,
      ...QUALITY_KEYS.map(
        (key): ColumnDef<T, unknown> => ({
          id: key,
          header: t(`pillars.quality.${key}`, { km: thresholds.farFromDesaKm }),
          cell: ({ row }) => format.number(row.original.quality[key]),
        }),
      ),
    ],
    [nameColumns, t, format, thresholds],
  );

  return (
    <Stack>
      <DataTable
        caption={t('pillars.evaluation.metricsCaption', { group: caption })}
        columns={metricColumns}
        data={shown}
        rowKey={rowKey}
        emptyText={t('pillars.evaluation.none')}
        pagination={pagination}
      />
      <DataTable
        caption={t('pillars.evaluation.qualityCaption', {
          group: caption,
          minutes: thresholds.minVisitSeconds / 60,
          kmh: thresholds.maxTravelKmh,
        })}
        columns={qualityColumns}
        data={shown}
        rowKey={rowKey}
        emptyText={t('pillars.evaluation.none')}
        pagination={pagination}
      />
    </Stack>
  );
}
