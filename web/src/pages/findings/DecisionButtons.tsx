import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { FindingDetail, FindingTransition, ResolutionAction } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { recordsOf } from './Evidence.tsx';
import { isOutside } from './evidenceRecords.tsx';
import { ALLOWED_FROM, allowedResolutions, CORRECTABLE_FIELDS, suggestedResolution } from './resolution.ts';

const TRANSITIONS: FindingTransition[] = ['confirm', 'resolve', 'dismiss', 'reopen'];

/** The decisions the finding's status allows, each with a reason (and for resolving, what to do). */
export function DecisionButtons({ finding }: { finding: FindingDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<FindingTransition | null>(null);
  const available = TRANSITIONS.filter((transition) => ALLOWED_FROM[transition].includes(finding.status));
  if (available.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {available.map((transition) => (
          <Button
            key={transition}
            size="sm"
            variant={transition === 'resolve' ? 'filled' : 'default'}
            onClick={() => setOpen(transition)}
          >
            {t(`findings.action.${transition}`)}
          </Button>
        ))}
      </Group>
      {open ? <DecisionModal finding={finding} transition={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function DecisionModal({
  finding,
  transition,
  onClose,
}: {
  finding: FindingDetail;
  transition: FindingTransition;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const actions = allowedResolutions(can);
  const suggested = suggestedResolution(finding.rule_id);
  const [action, setAction] = useState<ResolutionAction>(
    suggested && actions.includes(suggested) ? suggested : 'no_change',
  );
  // ganda: the record that stays, among the evidence's other records in the user's area.
  const others = recordsOf(finding.evidence.records).filter(
    (r) => !isOutside(r) && r.id !== undefined && r.id !== finding.subject_id,
  );
  const surviving = finding.evidence.surviving_id;
  const [relatedId, setRelatedId] = useState<string>(
    typeof surviving === 'number' ? String(surviving) : others[0]?.id ? String(others[0].id) : '',
  );
  const [field, setField] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () =>
      api<FindingDetail>(`/api/findings/${finding.id}/${transition}`, {
        method: 'POST',
        json: { reason: reason.trim(), ...(transition === 'resolve' ? { resolution: resolution() } : {}) },
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['finding', finding.id] }),
        queryClient.invalidateQueries({ queryKey: ['findings'] }),
        queryClient.invalidateQueries({ queryKey: ['findings-summary'] }),
        queryClient.invalidateQueries({ queryKey: ['finding-subject'] }),
        queryClient.invalidateQueries({ queryKey: ['household'] }),
      ]);
      onClose();
    },
  });

  function resolution() {
    if (action === 'ganda') return { action, related_id: relatedId ? Number(relatedId) : undefined };
    if (action === 'correct') return { action, field: field ?? undefined, value: value.trim() };
    return { action };
  }

  const complete =
    reason.trim() !== '' &&
    (transition !== 'resolve' ||
      (action === 'ganda' ? relatedId !== '' : action === 'correct' ? Boolean(field && value.trim()) : true));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (complete) decide.mutate();
  }

  const fields = CORRECTABLE_FIELDS[finding.subject_type];
  return (
    <Modal opened onClose={onClose} title={`${t(`findings.action.${transition}`)} #${finding.id}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{t(`findings.explain.${transition}`)}</Text>
          {transition === 'resolve' ? (
            <>
              <Select
                label={t('findings.resolution.label')}
                description={t('findings.resolution.hint')}
                required
                allowDeselect={false}
                data={actions.map((a) => ({ value: a, label: t(`findings.resolution.${a}`) }))}
                value={action}
                onChange={(next) => next && setAction(next as ResolutionAction)}
                comboboxProps={{ withinPortal: false }}
              />
              {action === 'ganda' ? (
                others.length > 0 ? (
                  <Radio.Group
                    label={t('findings.resolution.surviving')}
                    description={t('findings.resolution.survivingHint')}
                    required
                    value={relatedId}
                    onChange={setRelatedId}
                  >
                    <Stack gap={6} mt={6}>
                      {others.map((r) => (
                        <Radio
                          key={r.id}
                          value={String(r.id)}
                          label={`${r.name ?? ''} · ${r.nik ?? ''} · ${r.person_id ?? `#${r.id}`}`}
                        />
                      ))}
                    </Stack>
                  </Radio.Group>
                ) : (
                  <TextInput
                    label={t('findings.resolution.survivingId')}
                    required
                    inputMode="numeric"
                    value={relatedId}
                    onChange={(event) => setRelatedId(event.currentTarget.value.replace(/\D/g, ''))}
                  />
                )
              ) : null}
              {action === 'correct' ? (
                <>
                  <Select
                    label={t('findings.resolution.field')}
                    required
                    data={fields.map((name) => ({
                      value: name,
                      label: t(`evidence.key.${name}`, { defaultValue: name }),
                    }))}
                    value={field}
                    onChange={setField}
                    comboboxProps={{ withinPortal: false }}
                  />
                  <TextInput
                    label={t('findings.resolution.value')}
                    required
                    maxLength={200}
                    value={value}
                    onChange={(event) => setValue(event.currentTarget.value)}
                  />
                </>
              ) : null}
            </>
          ) : null}
          <Textarea
            label={t('findings.reason')}
            description={t('findings.reasonHint')}
            required
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {decide.error ? <ErrorAlert error={decide.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('statusChange.cancel')}
            </Button>
            <Button type="submit" loading={decide.isPending} disabled={!complete}>
              {t('statusChange.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
