import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdSnapshot } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { useRegionDirectory } from '../../regions/useRegions.ts';

/** The household as each quarterly import recorded it. */
export function SnapshotsTable({ snapshots }: { snapshots: HouseholdSnapshot[] }) {
  const { t } = useTranslation();
  const regions = useRegionDirectory();
  const columns = useMemo<ColumnDef<HouseholdSnapshot, unknown>[]>(
    () => [
      { header: t('common.period'), accessorKey: 'period' },
      { header: t('common.kk'), cell: ({ row }) => <code>{row.original.kk}</code> },
      { header: t('common.desa'), cell: ({ row }) => regions.name(row.original.desa_code) },
      { header: t('common.desil'), accessorKey: 'desil' },
      { header: t('household.members_short'), accessorKey: 'members' },
    ],
    [t, regions],
  );
  return (
    <DataTable
      caption={t('household.snapshotsCaption')}
      columns={columns}
      data={snapshots}
      rowKey={(snapshot) => snapshot.period}
      emptyText={t('household.noSnapshots')}
    />
  );
}
