import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/client.ts';
import type { Finding, FindingTransition, Page, ResolutionAction } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFormat } from '../../i18n/format.ts';
import type { apiFilter } from './findingFilter.ts';
import { ALLOWED_FROM, allowedResolutions } from './resolution.ts';

type BulkTransition = Exclude<FindingTransition, 'reopen'>;
const TRANSITIONS: BulkTransition[] = ['confirm', 'dismiss', 'resolve'];

/**
 * One decision on every finding of the chosen rule that the queue's filter selects and the decision
 * applies to (`POST /api/findings/bulk`), with a reason, after a confirmation that says how many.
 */
export function BulkActionButton({
  filter,
  ruleTitle,
}: {
  filter: Omit<ReturnType<typeof apiFilter>, 'assignee_user_id'> & { rule_id: string };
  ruleTitle: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [transition, setTransition] = useState<BulkTransition>('confirm');
  // Bulk decisions cannot name a record or a field per finding: no corrections here.
  const actions = allowedResolutions(can).filter((action) => action !== 'correct');
  const [action, setAction] = useState<ResolutionAction>('no_change');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const statuses = ALLOWED_FROM[transition].filter((s) => !filter.status || s === filter.status);
  // How many the decision would take: the filter's findings in the statuses it starts from.
  const counts = useQueries({
    queries: statuses.map((status) => ({
      queryKey: ['findings', { ...filter, status, limit: 1 }],
      queryFn: () => api<Page<Finding>>(`/api/findings${queryString({ ...filter, status, limit: 1 })}`),
      enabled: opened,
    })),
  });
  const count = counts.every((c) => c.data) ? counts.reduce((sum, c) => sum + (c.data?.total ?? 0), 0) : null;
  const decide = useMutation({
    mutationFn: () =>
      api<{ decided: number }>('/api/findings/bulk', {
        method: 'POST',
        json: {
          filter,
          transition,
          reason: reason.trim(),
          ...(transition === 'resolve' ? { resolution: { action } } : {}),
        },
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['findings'] });
      queryClient.invalidateQueries({ queryKey: ['findings-summary'] });
      setConfirming(false);
      setReason('');
    },
  });

  function reset() {
    decide.reset();
    setConfirming(false);
    close();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim() || !count) return;
    if (!confirming) setConfirming(true);
    else decide.mutate();
  }

  const label = t(`findings.transition.${transition}`);
  return (
    <>
      <Button variant="light" onClick={open}>
        {t('findings.bulk.button')}
      </Button>
      <Modal opened={opened} onClose={reset} title={t('findings.bulk.title', { rule: ruleTitle })} size="lg">
        <form onSubmit={submit}>
          <Stack>
            {decide.data ? (
              <Alert color="teal" role="status">
                {t('findings.bulk.done', { count: decide.data.decided })}
              </Alert>
            ) : null}
            <Select
              label={t('findings.bulk.decision')}
              required
              allowDeselect={false}
              disabled={confirming}
              data={TRANSITIONS.map((value) => ({ value, label: t(`findings.transition.${value}`) }))}
              value={transition}
              onChange={(value) => value && setTransition(value as BulkTransition)}
              comboboxProps={{ withinPortal: false }}
            />
            {transition === 'resolve' ? (
              <Select
                label={t('findings.resolution.label')}
                description={t('findings.bulk.resolutionHint')}
                required
                allowDeselect={false}
                disabled={confirming}
                data={actions.map((value) => ({ value, label: t(`findings.resolution.${value}`) }))}
                value={action}
                onChange={(value) => value && setAction(value as ResolutionAction)}
                comboboxProps={{ withinPortal: false }}
              />
            ) : null}
            <Textarea
              label={t('findings.reason')}
              description={t('findings.reasonHint')}
              required
              minRows={2}
              maxLength={1000}
              disabled={confirming}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Text size="sm" data-testid="bulk-count">
              {count === null
                ? t('common.loading')
                : t('findings.bulk.count', { count, formatted: format.number(count) })}
            </Text>
            {confirming && count ? (
              <Alert color="orange" role="alert" title={t('findings.bulk.sure')}>
                {t('findings.bulk.confirmText', { decision: label, formatted: format.number(count) })}
              </Alert>
            ) : null}
            {decide.error ? <ErrorAlert error={decide.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={confirming ? () => setConfirming(false) : reset}>
                {confirming ? t('findings.bulk.back') : t('statusChange.cancel')}
              </Button>
              <Button type="submit" loading={decide.isPending} disabled={!reason.trim() || !count}>
                {confirming
                  ? t('findings.bulk.apply', { decision: label, formatted: format.number(count ?? 0) })
                  : t('findings.bulk.next')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
