import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdDetail, StatusChange } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useActorNames } from '../../components/useActorNames.ts';
import { useFormat } from '../../i18n/format.ts';

/** Every status change of the household and its members, with who, when and why. */
export function HistoryTable({ detail }: { detail: HouseholdDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actorName = useActorNames(
    useMemo(() => detail.history.map((change) => change.changed_by), [detail.history]),
  );
  const columns = useMemo<ColumnDef<StatusChange, unknown>[]>(() => {
    const names = new Map(detail.members.map((m) => [m.id, m.name]));
    return [
      { header: t('history.when'), cell: ({ row }) => format.dateTime(row.original.changed_at) },
      {
        header: t('history.subject'),
        cell: ({ row }) =>
          row.original.subject_type === 'household'
            ? t('history.household')
            : (names.get(row.original.subject_id) ?? `#${row.original.subject_id}`),
      },
      { header: t('history.from'), cell: ({ row }) => <StatusBadge status={row.original.from_status} /> },
      { header: t('history.to'), cell: ({ row }) => <StatusBadge status={row.original.to_status} /> },
      { header: t('history.reason'), accessorKey: 'reason' },
      { header: t('history.by'), cell: ({ row }) => actorName(row.original.changed_by) },
    ];
  }, [t, format, detail.members, actorName]);
  return (
    <DataTable
      caption={t('household.historyCaption')}
      columns={columns}
      data={detail.history}
      rowKey={(change) => change.id}
      emptyText={t('household.noHistory')}
    />
  );
}
