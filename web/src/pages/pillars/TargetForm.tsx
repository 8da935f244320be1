import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import { TargetProblems, targetProblems } from './TargetProblems.tsx';
import { useAreaOptions } from './useAreaOptions.ts';
import { useMetrics } from './useMetrics.ts';
import { usePillarTypes } from './usePillarTypes.ts';

/** Sets one target of the quarter: for a member, or for a pillar type in an area (none: the whole district). */
export function TargetForm({ quarter, onDone }: { quarter: string; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const metrics = useMetrics();
  const { types, label } = usePillarTypes();
  const areas = useAreaOptions();
  const [scope, setScope] = useState<'member' | 'group'>('member');
  const [metric, setMetric] = useState<string | null>(null);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [area, setArea] = useState<string | null>(null);
  const [target, setTarget] = useState<number | string>('');
  const note = metric ? metrics.note(metric) : null;

  const save = useMutation({
    mutationFn: () => {
      const who =
        scope === 'member' ? { member_id: Number(memberId) } : { pillar_type: type, area_code: area };
      return api<{ saved: number }>('/api/pillars/targets', {
        method: 'PUT',
        json: { targets: [{ quarter, metric, ...who, target: Number(target) }] },
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['pillar-targets'] });
      await queryClient.invalidateQueries({ queryKey: ['pillar-evaluation'] });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('pillars.targets.forQuarter', { quarter })}</Text>
        <Select
          label={t('pillars.metric')}
          required
          data={metrics.metrics.map((m) => ({ value: m.code, label: metrics.label(m.code) }))}
          value={metric}
          onChange={setMetric}
          description={note}
          comboboxProps={{ withinPortal: false }}
        />
        <SegmentedControl
          aria-label={t('pillars.targets.scope')}
          value={scope}
          onChange={(next) => setScope(next as 'member' | 'group')}
          data={[
            { value: 'member', label: t('pillars.targets.scopeMember') },
            { value: 'group', label: t('pillars.targets.scopeGroup') },
          ]}
        />
        {scope === 'member' ? (
          <MemberPicker value={memberId} onChange={setMemberId} />
        ) : (
          <>
            <Select
              label={t('pillars.type')}
              required
              data={types.map((item) => ({ value: item.code, label: label(item.code) }))}
              value={type}
              onChange={setType}
              comboboxProps={{ withinPortal: false }}
            />
            <Select
              label={t('pillars.area')}
              description={t('pillars.targets.areaHint')}
              searchable
              clearable
              placeholder={t('pillars.wholeDistrict')}
              data={areas.options}
              value={area}
              onChange={setArea}
              comboboxProps={{ withinPortal: false }}
            />
          </>
        )}
        <NumberInput
          label={t('pillars.target')}
          required
          min={0}
          allowDecimal={false}
          allowNegative={false}
          value={target}
          onChange={setTarget}
        />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <TargetProblems
          problems={targetProblems(save.error)}
          caption={t('pillars.targets.problemsCaption')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('statusChange.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('statusChange.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
