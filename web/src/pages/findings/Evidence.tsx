import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldWeight, FindingDetail } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { Facts } from '../../components/Facts.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useRegionDirectory } from '../../regions/useRegions.ts';
import { CompareRecords } from './CompareRecords.tsx';
import { useEvidenceLabels } from './evidenceLabels.ts';
import { type EvidenceRecord, isOutside, listRows, personRows, recordHeader } from './evidenceRecords.tsx';
import { WeightBars } from './WeightBars.tsx';

/** Keys shown by the dedicated parts below, not in the list of facts. */
const STRUCTURED = new Set([
  'records',
  'person',
  'list_row',
  'list',
  'fields',
  'probability',
  'match_weight',
  'prior_weight',
  'surviving_id',
  'cluster',
]);

/**
 * A finding's evidence as the server lets the user see it: the facts the rule names, the records
 * involved side by side (both people of a pair, every holder of a NIK, the registry person beside the
 * death register's or the ASN list's row), and the per-field weights of a probabilistic match.
 */
export function Evidence({ finding }: { finding: FindingDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const regions = useRegionDirectory();
  const labels = useEvidenceLabels();
  const evidence = finding.evidence;
  const f = { t, date: format.date, regions, households: can(PERMISSIONS.read) };
  const marks = {
    subjectId: finding.subject_type === 'person' ? finding.subject_id : undefined,
    survivingId: evidence.surviving_id,
  };

  const facts = Object.entries(evidence)
    .filter(([key]) => !STRUCTURED.has(key))
    .map(([key, value]) => ({ label: labels.key(key), value: factValue(key, value) }));

  const records = recordsOf(evidence.records);
  const person = evidence.person as EvidenceRecord | undefined;
  const listRow = evidence.list_row as Record<string, unknown> | undefined;
  const fields = Array.isArray(evidence.fields) ? (evidence.fields as FieldWeight[]) : null;

  function factValue(key: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return '–';
    if (isOutside(value)) return t('evidence.outsideArea');
    if (key === 'problems' && Array.isArray(value))
      return value.map((code) => labels.problem(String(code))).join('; ');
    if (key === 'match' || key === 'band')
      return t(`evidence.${key}.${value}`, { defaultValue: String(value) });
    if (key === 'sex' || key === 'nik_sex') return t(`person.sex_${value}`, { defaultValue: String(value) });
    if (key.endsWith('date') || key.startsWith('tanggal')) return format.date(String(value));
    if (key === 'desa_code' || key === 'region_code') return regions.name(String(value));
    if (Array.isArray(value))
      return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
    if (typeof value === 'object') {
      const record = value as Record<string, unknown>;
      return String(record.name ?? record.nama ?? JSON.stringify(record));
    }
    return String(value);
  }

  return (
    <Stack gap="md" data-testid="evidence">
      {facts.length > 0 ? <Facts items={facts} /> : null}
      {records.length > 0 ? (
        <CompareRecords
          caption={t('evidence.recordsCaption', { count: records.length })}
          headers={records.map((record, i) => recordHeader(record, i, marks, t))}
          rows={personRows(records, f)}
        />
      ) : null}
      {person && listRow ? (
        <CompareRecords
          caption={t('evidence.listCaption', {
            list:
              evidence.list && typeof evidence.list === 'object'
                ? (evidence.list as { file_name?: string }).file_name
                : '',
          })}
          headers={[
            t('evidence.registryPerson'),
            t(`evidence.listRow.${finding.rule_id}`, { defaultValue: t('evidence.listRow.default') }),
          ]}
          rows={listRows(person, listRow, f, labels)}
        />
      ) : null}
      {fields ? (
        <div>
          <Title order={4} size="h5" mb={4}>
            {t('evidence.weights')}
          </Title>
          <WeightBars
            fields={fields}
            matchWeight={typeof evidence.match_weight === 'number' ? evidence.match_weight : null}
            probability={typeof evidence.probability === 'number' ? evidence.probability : null}
          />
        </div>
      ) : null}
      {facts.length === 0 && records.length === 0 && !listRow ? (
        <Text size="sm" c="dimmed">
          {t('evidence.none')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The records of a pair (`{ a, b }`) or of a shared NIK (an array), in order. */
export function recordsOf(records: unknown): EvidenceRecord[] {
  if (Array.isArray(records)) return records as EvidenceRecord[];
  if (records && typeof records === 'object') {
    const pair = records as { a?: EvidenceRecord; b?: EvidenceRecord };
    return [pair.a, pair.b].filter((r): r is EvidenceRecord => Boolean(r));
  }
  return [];
}
