import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { PairRecord, RecordStatus } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { RegionDirectory } from '../../regions/useRegions.ts';
import { type CompareRow, HouseholdLink } from './CompareRecords.tsx';

/** A record of the evidence, or the marker the server puts where a record lies outside the user's area. */
export type EvidenceRecord = Partial<PairRecord> & { outside_area?: true };

export const isOutside = (record: unknown) =>
  typeof record === 'object' &&
  record !== null &&
  (record as { outside_area?: unknown }).outside_area === true;

interface Formatters {
  t: TFunction;
  date(value: string): string;
  regions: RegionDirectory;
  /** Whether the user may open a household page. */
  households: boolean;
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null;
const dateOf = (value: unknown, date: (v: string) => string) => {
  const s = text(value);
  return s ? date(s) : null;
};

/** Rows comparing registry people (a pair, or every holder of a NIK), one column each. */
export function personRows(records: EvidenceRecord[], f: Formatters): CompareRow[] {
  const { t } = f;
  const row = (
    label: string,
    pick: (r: EvidenceRecord) => ReactNode,
    compare?: (r: EvidenceRecord) => string | null,
  ) => ({
    label,
    values: records.map((r) => (isOutside(r) ? null : pick(r))),
    compare: compare ? records.map((r) => (isOutside(r) ? null : compare(r))) : undefined,
  });
  return [
    row('ID', (r) => r.person_id ?? (r.id ? `#${r.id}` : null)),
    row(
      t('common.name'),
      (r) => r.name,
      (r) => r.name ?? null,
    ),
    row(
      t('common.nik'),
      (r) => r.nik,
      (r) => r.nik ?? null,
    ),
    row(
      t('common.kk'),
      (r) => r.kk,
      (r) => r.kk ?? null,
    ),
    row(
      t('person.sex'),
      (r) => (r.sex ? t(`person.sex_${r.sex}`, { defaultValue: r.sex }) : null),
      (r) => r.sex ?? null,
    ),
    row(
      t('person.birthDate'),
      (r) => dateOf(r.birth_date, f.date),
      (r) => text(r.birth_date)?.slice(0, 10) ?? null,
    ),
    row(
      t('evidence.key.birth_place'),
      (r) => r.birth_place,
      (r) => r.birth_place ?? null,
    ),
    row(
      t('evidence.key.mother_name'),
      (r) => r.mother_name,
      (r) => r.mother_name ?? null,
    ),
    row(
      t('common.desa'),
      (r) => f.regions.name(r.desa_code),
      (r) => r.desa_code ?? null,
    ),
    row(t('evidence.household'), (r) =>
      r.household_id ? (
        <HouseholdLink id={r.household_id} allowed={f.households}>
          {t('evidence.openHousehold')}
        </HouseholdLink>
      ) : null,
    ),
    row(t('common.status'), (r) => (r.status ? <StatusBadge status={r.status as RecordStatus} /> : null)),
  ];
}

/** A column header naming a record: which one it is, and whether it is the finding's subject or the one that stays. */
export function recordHeader(
  record: EvidenceRecord,
  index: number,
  marks: { subjectId?: number; survivingId?: unknown },
  t: TFunction,
): ReactNode {
  if (isOutside(record))
    return (
      <Text size="sm" c="dimmed">
        {t('evidence.outsideArea')}
      </Text>
    );
  return (
    <Group gap={4}>
      <span>{t('evidence.record', { n: index + 1 })}</span>
      {record.id === marks.subjectId ? (
        <Badge size="xs" variant="light">
          {t('evidence.subject')}
        </Badge>
      ) : null}
      {record.id === marks.survivingId ? (
        <Badge size="xs" variant="light" color="teal">
          {t('evidence.surviving')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** The list row's own columns beside the registry person's, and the list-only columns after them. */
const LIST_PAIRS: [keyof PairRecord, string][] = [
  ['name', 'nama'],
  ['nik', 'nik'],
  ['sex', 'jenis_kelamin'],
  ['birth_date', 'tanggal_lahir'],
  ['birth_place', 'tempat_lahir'],
  ['mother_name', 'nama_ibu_kandung'],
  ['desa_code', 'kode_desa'],
];

export function listRows(
  person: EvidenceRecord,
  listRow: Record<string, unknown>,
  f: Formatters,
  labels: { key(name: string): string },
): CompareRow[] {
  const { t } = f;
  const shown = (key: string, value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (key.includes('tanggal') || key === 'birth_date') return dateOf(value, f.date);
    if (key === 'kode_desa' || key === 'desa_code') return f.regions.name(String(value));
    if (key === 'jenis_kelamin' || key === 'sex')
      return t(`person.sex_${value}`, { defaultValue: String(value) });
    return String(value);
  };
  const norm = (key: string, value: unknown) =>
    (key.includes('tanggal') || key === 'birth_date' ? text(value)?.slice(0, 10) : text(value)) ?? null;
  const paired: CompareRow[] = LIST_PAIRS.map(([mine, theirs]) => ({
    label: labels.key(theirs),
    values: [shown(mine, person[mine]), shown(theirs, listRow[theirs])],
    compare: [norm(mine, person[mine]), norm(theirs, listRow[theirs])],
  }));
  const pairedKeys = new Set(LIST_PAIRS.map(([, theirs]) => theirs));
  const extra = Object.entries(listRow)
    .filter(([key]) => !pairedKeys.has(key))
    .map(([key, value]) => ({ label: labels.key(key), values: [null, shown(key, value)] }));
  return [
    ...paired,
    {
      label: t('evidence.household'),
      values: [
        person.household_id ? (
          <HouseholdLink key="household" id={person.household_id} allowed={f.households}>
            {t('evidence.openHousehold')}
          </HouseholdLink>
        ) : null,
        null,
      ],
    },
    ...extra,
  ];
}
