import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconEqual, IconEqualNot } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { FieldWeight, FindingDetail } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useRegionDirectory } from '../../regions/useRegions.ts';
import { CompareRecords } from '../findings/CompareRecords.tsx';
import { recordsOf } from '../findings/Evidence.tsx';
import { isOutside, personRows, recordHeader } from '../findings/evidenceRecords.tsx';
import { FindingStatusBadge, SeverityBadge } from '../findings/FindingBadges.tsx';
import { WeightBars } from '../findings/WeightBars.tsx';
import { DUPLICATE_RULE, nextPair } from './nextPair.ts';
import { PairDecisions } from './PairDecisions.tsx';

/**
 * One possible duplicate pair: both records side by side with their differences marked, what each
 * field added to or took from the match, and the decision. "Same" records the pair for the linkage
 * engine and resolves the finding as ganda (the later record retired in favour of the earlier one);
 * "Not the same" records it and dismisses the finding, so later runs do not raise the pair again.
 * Then the next open pair is shown.
 */
export function DuplicateReviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const regions = useRegionDirectory();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = Number(useParams().findingId);
  const [reason, setReason] = useState('');
  const query = useQuery({
    queryKey: ['finding', id],
    queryFn: () => api<FindingDetail>(`/api/findings/${id}`),
  });
  const finding = query.data;
  const records = finding ? recordsOf(finding.evidence.records) : [];
  const [a, b] = records;
  const pairKnown = a?.id !== undefined && b?.id !== undefined && !isOutside(a) && !isOutside(b);
  const open = finding?.status === 'open' || finding?.status === 'confirmed';
  const decide = useMutation({
    mutationFn: (same: boolean) =>
      api('/api/validation/pair-decisions', {
        method: 'POST',
        json: { person_a: a?.id, person_b: b?.id, same, reason: reason.trim(), finding_id: id },
      }),
    onSuccess: async () => {
      setReason('');
      queryClient.invalidateQueries({ queryKey: ['findings'] });
      queryClient.invalidateQueries({ queryKey: ['findings-summary'] });
      queryClient.invalidateQueries({ queryKey: ['finding', id] });
      queryClient.invalidateQueries({ queryKey: ['pair-decisions'] });
      await goNext();
    },
  });
  const skip = useMutation({ mutationFn: () => goNext() });

  async function goNext() {
    const next = await nextPair(id);
    if (next) navigate(`/duplicates/${next}`);
    else navigate('/duplicates', { state: { finished: true } });
  }

  if (finding && finding.rule_id !== DUPLICATE_RULE) {
    return (
      <Alert color="yellow" role="alert">
        <Anchor component={Link} to={`/findings/${id}`}>
          {t('duplicates.notPair')}
        </Anchor>
      </Alert>
    );
  }
  const f = { t, date: format.date, regions, households: can(PERMISSIONS.read) };
  const evidence = finding?.evidence ?? {};
  const fields = Array.isArray(evidence.fields) ? (evidence.fields as FieldWeight[]) : null;
  const canDecide = can(PERMISSIONS.findingsResolve) && open && pairKnown;

  return (
    <Stack>
      <Anchor component={Link} to="/duplicates" size="sm">
        ← {t('duplicates.back')}
      </Anchor>
      <PageHeader title={t('duplicates.pairTitle', { id })}>
        {finding ? (
          <Group gap="xs">
            <SeverityBadge severity={finding.severity} />
            <FindingStatusBadge status={finding.status} />
            <Anchor component={Link} to={`/findings/${id}`} size="sm">
              {t('duplicates.openFinding')}
            </Anchor>
          </Group>
        ) : null}
      </PageHeader>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {finding ? (
        <>
          <Section title={t('duplicates.records')}>
            <CompareRecords
              caption={t('duplicates.recordsCaption')}
              headers={records.map((record, i) =>
                recordHeader(
                  record,
                  i,
                  { subjectId: finding.subject_id, survivingId: evidence.surviving_id },
                  t,
                ),
              )}
              rows={personRows(records, f)}
            />
          </Section>
          {fields ? (
            <Section title={t('evidence.weights')}>
              <WeightBars
                fields={fields}
                matchWeight={typeof evidence.match_weight === 'number' ? evidence.match_weight : null}
                probability={typeof evidence.probability === 'number' ? evidence.probability : null}
              />
            </Section>
          ) : null}
          <Section title={t('duplicates.decision')}>
            {canDecide ? (
              <Stack>
                <Text size="sm">{t('duplicates.decisionHint')}</Text>
                <Textarea
                  label={t('findings.reason')}
                  description={t('findings.reasonHint')}
                  required
                  minRows={2}
                  maxLength={1000}
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                />
                {decide.error ? <ErrorAlert error={decide.error} /> : null}
                <Group>
                  <Button
                    color="orange"
                    leftSection={<IconEqual size={18} />}
                    disabled={!reason.trim()}
                    loading={decide.isPending && decide.variables === true}
                    onClick={() => decide.mutate(true)}
                  >
                    {t('duplicates.same')}
                  </Button>
                  <Button
                    variant="default"
                    leftSection={<IconEqualNot size={18} />}
                    disabled={!reason.trim()}
                    loading={decide.isPending && decide.variables === false}
                    onClick={() => decide.mutate(false)}
                  >
                    {t('duplicates.notSame')}
                  </Button>
                  <Button variant="subtle" loading={skip.isPending} onClick={() => skip.mutate()}>
                    {t('duplicates.skip')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {open ? t('duplicates.cannotDecide') : t('duplicates.decided')}
              </Text>
            )}
            {pairKnown && a?.id && b?.id ? <PairDecisions personA={a.id} personB={b.id} /> : null}
          </Section>
        </>
      ) : null}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
