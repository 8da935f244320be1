import { Anchor, Box, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryString } from '../../api/client.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFormat } from '../../i18n/format.ts';
import { SeverityBadge } from '../findings/FindingBadges.tsx';
import { useFindingsSummary } from '../findings/useFindingsSummary.ts';
import { useBilingual } from '../findings/useRules.ts';

/**
 * Beranda's open findings by rule in the area shown (counts only), each with a bar for its share
 * of the largest; for users who may read findings a rule opens the queue filtered by it.
 */
export function FindingsByRule({ area }: { area: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const bilingual = useBilingual();
  const summary = useFindingsSummary(area);
  const data = summary.data;
  const rows = (data?.by_rule ?? []).filter((row) => row.open > 0).sort((x, y) => y.open - x.open);
  const largest = Math.max(1, ...rows.map((row) => row.open));
  const link = can(PERMISSIONS.findingsRead);
  return (
    <Paper withBorder p="md" component="section" aria-label={t('home.findingsTitle')}>
      <Title order={3} size="h4" mb="sm">
        {t('home.findingsTitle')}
      </Title>
      {summary.error ? <ErrorAlert error={summary.error} /> : null}
      {data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.noFindings')}
        </Text>
      ) : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={4} fz="sm" data-testid="findings-by-rule">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {t('home.findingsCaption', {
                area: data?.area.name ?? '',
                total: format.number(data?.totals.open ?? 0),
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('findings.rule')}</Table.Th>
                <Table.Th scope="col">{t('findings.severityLabel')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('home.openFindings')}
                </Table.Th>
                <Table.Th scope="col" w="30%">
                  <VisuallyHidden>{t('home.findingsBar')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.rule_id}>
                  <Table.Th scope="row" fw={500}>
                    {link ? (
                      <Anchor
                        component={Link}
                        to={`/findings${queryString({ rule: row.rule_id, [area && area.length > 8 ? 'desa' : 'kecamatan']: area })}`}
                        fz="sm"
                      >
                        {bilingual(row.title)}
                      </Anchor>
                    ) : (
                      bilingual(row.title)
                    )}
                  </Table.Th>
                  <Table.Td>
                    <SeverityBadge severity={row.severity} />
                  </Table.Td>
                  <Table.Td ta="right">{format.number(row.open)}</Table.Td>
                  <Table.Td>
                    <Box
                      h={10}
                      bg="orange.5"
                      style={{ width: `${(row.open / largest) * 100}%`, borderRadius: 2 }}
                      aria-hidden
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}
