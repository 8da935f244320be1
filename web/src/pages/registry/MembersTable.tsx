import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useVocabulary } from '../../i18n/vocabulary.ts';
import { StatusChangeButton } from './StatusChangeButton.tsx';

interface MembersTableProps {
  members: Person[];
  householdId: number;
  /** The user may change statuses: each member gets a button for it. */
  changeable: boolean;
}

export function MembersTable({ members, householdId, changeable }: MembersTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const columns = useMemo<ColumnDef<Person, unknown>[]>(() => {
    const shown: ColumnDef<Person, unknown>[] = [
      { header: t('common.name'), accessorKey: 'name' },
      { header: t('common.nik'), cell: ({ row }) => <code>{row.original.nik}</code> },
      {
        header: t('person.relationship'),
        cell: ({ row }) => vocabulary('hubungan_keluarga', row.original.relationship),
      },
      { header: t('person.sex'), cell: ({ row }) => t(`person.sex_${row.original.sex}`) },
      {
        header: t('person.birth'),
        cell: ({ row }) =>
          [row.original.birth_place, format.date(row.original.birth_date)].filter(Boolean).join(', '),
      },
      { header: t('person.education'), cell: ({ row }) => vocabulary('pendidikan', row.original.education) },
      { header: t('person.occupation'), cell: ({ row }) => row.original.occupation ?? '–' },
      {
        header: t('person.disability'),
        cell: ({ row }) => vocabulary('disabilitas', row.original.disability),
      },
      { header: t('common.status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    ];
    if (!changeable) return shown;
    return [
      ...shown,
      {
        header: t('household.actions'),
        cell: ({ row }) => (
          <StatusChangeButton
            type="person"
            id={row.original.id}
            householdId={householdId}
            current={row.original.status}
            name={row.original.name}
          />
        ),
      },
    ];
  }, [t, format, vocabulary, changeable, householdId]);
  return (
    <DataTable
      caption={t('household.membersCaption')}
      columns={columns}
      data={members}
      rowKey={(person) => person.id}
      emptyText={t('household.noMembers')}
    />
  );
}
