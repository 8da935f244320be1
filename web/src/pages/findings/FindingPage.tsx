import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { FindingDetail } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useRegionDirectory } from '../../regions/useRegions.ts';
import { AssignButtons } from './AssignButtons.tsx';
import { DecisionButtons } from './DecisionButtons.tsx';
import { Evidence } from './Evidence.tsx';
import { FindingStatusBadge, SeverityBadge } from './FindingBadges.tsx';
import { FindingHistory, useResolutionText } from './FindingHistory.tsx';
import { useBilingual, useRules } from './useRules.ts';
import { useSubject } from './useSubject.ts';

/** One finding: the rule, the record it is about, the evidence, what was decided, and the decisions still open. */
export function FindingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const regions = useRegionDirectory();
  const bilingual = useBilingual();
  const { rule, title } = useRules();
  const resolutionText = useResolutionText();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: ['finding', id],
    queryFn: () => api<FindingDetail>(`/api/findings/${id}`),
  });
  const finding = query.data;
  const subject = useSubject(finding);
  const info = finding ? rule(finding.rule_id) : undefined;
  const resolve = can(PERMISSIONS.findingsResolve);

  return (
    <Stack>
      <Anchor component={Link} to="/findings" size="sm">
        ← {t('findings.back')}
      </Anchor>
      <PageHeader
        title={finding ? t('findings.pageTitle', { id, rule: title(finding.rule_id) }) : t('findings.title')}
      >
        {finding ? (
          <Group gap="xs">
            <SeverityBadge severity={finding.severity} />
            <FindingStatusBadge status={finding.status} />
          </Group>
        ) : null}
      </PageHeader>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {finding ? (
        <>
          {info ? (
            <Text size="sm" data-testid="rule-description">
              {bilingual(info.description)}
            </Text>
          ) : null}
          <Paper withBorder p="md">
            <Facts
              items={[
                {
                  label: t('findings.subject'),
                  value: (
                    <Group gap="xs" component="span">
                      {subject.data ? (
                        <Anchor component={Link} to={`/registry/households/${subject.data.householdId}`}>
                          {subject.data.name}
                        </Anchor>
                      ) : (
                        (finding.subject_name ?? `#${finding.subject_id}`)
                      )}
                      {subject.data ? (
                        <span data-testid="subject-status">
                          <StatusBadge status={subject.data.status} />
                        </span>
                      ) : null}
                    </Group>
                  ),
                },
                {
                  label: t('findings.subjectType'),
                  value: t(`findings.subjectTypes.${finding.subject_type}`),
                },
                { label: t('common.desa'), value: regions.name(finding.desa_code) },
                { label: t('findings.created'), value: format.dateTime(finding.created_at) },
                { label: t('findings.updated'), value: format.dateTime(finding.updated_at) },
                ...(finding.resolution
                  ? [{ label: t('findings.resolution.label'), value: resolutionText(finding.resolution) }]
                  : []),
              ]}
            />
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <AssignButtons finding={finding} canAssign={resolve} />
              {resolve ? <DecisionButtons finding={finding} /> : null}
              {finding.rule_id === 'duplicate_person' &&
              finding.status !== 'resolved' &&
              finding.status !== 'dismissed' ? (
                <div>
                  <Button component={Link} to={`/duplicates/${finding.id}`} variant="light" size="sm">
                    {t('duplicates.review')}
                  </Button>
                </div>
              ) : null}
            </Stack>
          </Paper>
          <Section title={t('findings.evidence')}>
            <Evidence finding={finding} />
          </Section>
          <Section title={t('findings.history')}>
            <FindingHistory finding={finding} canComment={resolve} />
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
