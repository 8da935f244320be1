import { Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { useRegionDirectory } from '../../regions/useRegions.ts';
import type { FindingFilter } from './findingFilter.ts';
import { useRules } from './useRules.ts';

const SEVERITIES = ['tinggi', 'sedang', 'rendah'] as const;
const STATUSES = ['open', 'confirmed', 'dismissed', 'resolved'] as const;

/** Rule, kecamatan/desa (within the user's area), severity, status and assignee. */
export function FindingFilters({
  value,
  onChange,
}: {
  value: FindingFilter;
  onChange(next: FindingFilter): void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const regions = useRegionDirectory();
  const { rules, title } = useRules();
  const scoped = me && !me.scope.all ? new Set(me.scope.desa_codes ?? []) : null;
  const desaOf = (kecamatan: string) =>
    regions.desaOf(kecamatan).filter((desa) => !scoped || scoped.has(desa.code));
  const kecamatan = regions.kecamatan.filter((k) => desaOf(k.code).length > 0 || !scoped);
  const desa = value.kecamatan ? desaOf(value.kecamatan) : kecamatan.flatMap((k) => desaOf(k.code));
  const set = (patch: Partial<FindingFilter>) => onChange({ ...value, ...patch });
  const common = { clearable: true, placeholder: t('search.all'), comboboxProps: { withinPortal: false } };

  return (
    <Paper withBorder p="md" role="search" aria-label={t('findings.filter')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <Select
          {...common}
          searchable
          label={t('findings.rule')}
          data={rules.map((rule) => ({ value: rule.id, label: title(rule.id) }))}
          value={value.rule || null}
          onChange={(rule) => set({ rule: rule ?? '' })}
        />
        <Select
          {...common}
          searchable
          label={t('common.kecamatan')}
          data={kecamatan.map((k) => ({ value: k.code, label: k.name }))}
          value={value.kecamatan || null}
          onChange={(code) => set({ kecamatan: code ?? '', desa: '' })}
        />
        <Select
          {...common}
          searchable
          label={t('common.desa')}
          data={desa.map((d) => ({ value: d.code, label: d.name }))}
          value={value.desa || null}
          onChange={(code) => set({ desa: code ?? '' })}
        />
        <Select
          {...common}
          label={t('findings.severityLabel')}
          data={SEVERITIES.map((s) => ({ value: s, label: t(`findings.severity.${s}`) }))}
          value={value.severity || null}
          onChange={(severity) => set({ severity: (severity ?? '') as FindingFilter['severity'] })}
        />
        <Select
          {...common}
          label={t('common.status')}
          data={STATUSES.map((s) => ({ value: s, label: t(`findings.status.${s}`) }))}
          value={value.status || null}
          onChange={(status) => set({ status: (status ?? '') as FindingFilter['status'] })}
        />
        <Select
          {...common}
          label={t('findings.assignee')}
          data={[{ value: 'me', label: t('findings.assignedToMe') }]}
          value={value.assignee || null}
          onChange={(assignee) => set({ assignee: assignee === 'me' ? 'me' : '' })}
        />
      </SimpleGrid>
    </Paper>
  );
}
