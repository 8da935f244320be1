import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { HouseholdDiffRow, PersonDiffRow } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useRegionDirectory } from '../../regions/useRegions.ts';

export type DiffKind = 'households' | 'persons';
type Row = HouseholdDiffRow | PersonDiffRow;

const PAGE_SIZE = 25;

/** A row's text as a link to its household's page, when the registry has the household. */
function HouseholdLink({ id, children }: { id: number | null; children: string }) {
  if (id === null) return children;
  return (
    <Anchor component={Link} to={`/registry/households/${id}`} fz="sm">
      {children}
    </Anchor>
  );
}

interface DiffListProps {
  from: string;
  to: string;
  kind: DiffKind;
  change: string;
  total: number;
  page: number;
  onPageChange(page: number): void;
}

/** The households or people behind one count of the period diff, a page at a time. */
export function DiffList({ from, to, kind, change, total, page, onPageChange }: DiffListProps) {
  const { t } = useTranslation();
  const regions = useRegionDirectory();
  const rows = useQuery({
    queryKey: ['diff-rows', from, to, kind, change, page],
    queryFn: () =>
      api<Row[]>(`/api/diffs/${from}/${to}/${kind}/${change}?limit=${PAGE_SIZE}&offset=${page * PAGE_SIZE}`),
  });

  const columns = useMemo<ColumnDef<Row, unknown>[]>(() => {
    const desa = (code: string | null) => (code ? regions.name(code) : '–');
    const common: ColumnDef<Row, unknown>[] = [
      { header: t('diff.desaFrom', { period: from }), cell: ({ row }) => desa(row.original.desa_from) },
      { header: t('diff.desaTo', { period: to }), cell: ({ row }) => desa(row.original.desa_to) },
    ];
    if (kind === 'persons') {
      return [
        {
          header: t('common.name'),
          cell: ({ row }) => (
            <HouseholdLink id={row.original.household_id}>
              {(row.original as PersonDiffRow).name}
            </HouseholdLink>
          ),
        },
        { header: t('common.nik'), cell: ({ row }) => <code>{(row.original as PersonDiffRow).nik}</code> },
        { header: t('diff.family'), accessorKey: 'family_id' },
        ...common,
      ];
    }
    const household = (row: Row) => row as HouseholdDiffRow;
    return [
      {
        header: t('diff.family'),
        cell: ({ row }) => (
          <HouseholdLink id={row.original.household_id}>{row.original.family_id}</HouseholdLink>
        ),
      },
      { header: t('common.kk'), cell: ({ row }) => <code>{household(row.original).kk}</code> },
      ...common,
      {
        header: t('diff.desilFrom', { period: from }),
        cell: ({ row }) => household(row.original).desil_from ?? '–',
      },
      {
        header: t('diff.desilTo', { period: to }),
        cell: ({ row }) => household(row.original).desil_to ?? '–',
      },
    ];
  }, [t, regions, kind, from, to]);

  return (
    <>
      {rows.error ? <ErrorAlert error={rows.error} /> : null}
      <DataTable
        caption={t(`diff.${kind}.${change}`)}
        columns={columns}
        data={rows.data ?? []}
        rowKey={(row) => ('person_id' in row ? row.person_id : row.family_id)}
        emptyText={rows.isPending ? t('common.loading') : t('diff.empty')}
        pagination={{ page, pageSize: PAGE_SIZE, total, onPageChange }}
      />
    </>
  );
}
