import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FindingStatus, FindingsSummary } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { useBilingual } from './useRules.ts';

/** How many findings each rule has in the chosen area and status; choosing one filters the queue. */
export function RuleCounts({
  summary,
  status,
  rule,
  onRule,
}: {
  summary: FindingsSummary;
  status: FindingStatus | '';
  rule: string;
  onRule(rule: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const bilingual = useBilingual();
  const count = (row: FindingsSummary['by_rule'][number]) =>
    status ? row[status] : row.open + row.confirmed + row.dismissed + row.resolved;
  const rows = summary.by_rule.filter((row) => count(row) > 0);
  return (
    <Paper withBorder p="sm">
      <Text size="sm" fw={600} id="rule-counts-label" mb={6}>
        {t('findings.byRule', {
          status: status ? t(`findings.status.${status}`) : t('search.all'),
          area: summary.area.name,
        })}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('findings.none')}
        </Text>
      ) : (
        <Group gap={6} aria-labelledby="rule-counts-label" role="group" data-testid="rule-counts">
          {rows.map((row) => (
            <Button
              key={row.rule_id}
              size="compact-sm"
              radius="xl"
              variant={row.rule_id === rule ? 'filled' : 'default'}
              aria-pressed={row.rule_id === rule}
              onClick={() => onRule(row.rule_id === rule ? '' : row.rule_id)}
            >
              {bilingual(row.title)}: {format.number(count(row))}
            </Button>
          ))}
        </Group>
      )}
    </Paper>
  );
}
