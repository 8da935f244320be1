import { Anchor, Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, queryString } from '../../api/client.ts';
import type { Page, Person } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVocabulary } from '../../i18n/vocabulary.ts';
import { useRegionDirectory } from '../../regions/useRegions.ts';
import { type PersonCriteria, SearchForm } from './SearchForm.tsx';

const PAGE_SIZE = 25;

/** People of the user's area by NIK, KK, name and desa; the criteria live in the URL. */
export function SearchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const regions = useRegionDirectory();
  const [params, setParams] = useSearchParams();
  const criteria: PersonCriteria = {
    nik: params.get('nik') ?? '',
    kk: params.get('kk') ?? '',
    name: params.get('name') ?? '',
    desa: params.get('desa') ?? '',
  };
  const page = Number(params.get('page') ?? 0);
  const persons = useQuery({
    queryKey: ['persons', criteria, page],
    queryFn: () =>
      api<Page<Person>>(
        `/api/persons${queryString({ ...criteria, limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo<ColumnDef<Person, unknown>[]>(
    () => [
      {
        header: t('common.name'),
        cell: ({ row }) => (
          <Anchor component={Link} to={`/registry/households/${row.original.household_id}`} fw={500}>
            {row.original.name}
          </Anchor>
        ),
      },
      {
        header: t('common.nik'),
        accessorKey: 'nik',
        cell: ({ getValue }) => <code>{getValue<string>()}</code>,
      },
      {
        header: t('common.kk'),
        accessorKey: 'kk',
        cell: ({ getValue }) => <code>{getValue<string>()}</code>,
      },
      { header: t('person.birthDate'), cell: ({ row }) => format.date(row.original.birth_date) },
      {
        header: t('person.relationship'),
        cell: ({ row }) => vocabulary('hubungan_keluarga', row.original.relationship),
      },
      { header: t('common.desa'), cell: ({ row }) => regions.name(row.original.desa_code) },
      { header: t('common.desil'), cell: ({ row }) => row.original.desil ?? '–' },
      { header: t('common.status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    ],
    [t, format, vocabulary, regions],
  );

  function search(next: PersonCriteria) {
    setParams(queryString({ ...next }).slice(1));
  }

  return (
    <Stack>
      <PageHeader title={t('search.title')} />
      <SearchForm key={params.toString()} initial={criteria} onSearch={search} />
      {persons.error ? <ErrorAlert error={persons.error} /> : null}
      <DataTable
        caption={t('search.results')}
        columns={columns}
        data={persons.data?.items ?? []}
        rowKey={(person) => person.id}
        emptyText={persons.isPending ? t('common.loading') : t('search.empty')}
        pagination={{
          page,
          pageSize: PAGE_SIZE,
          total: persons.data?.total ?? 0,
          totalCapped: persons.data?.total_capped,
          onPageChange: (next) => {
            const copy = new URLSearchParams(params);
            copy.set('page', String(next));
            setParams(copy);
          },
        }}
      />
    </Stack>
  );
}
