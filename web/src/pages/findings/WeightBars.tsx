import { Box, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldWeight } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { useEvidenceLabels } from './evidenceLabels.ts';

const signed = (value: number, format: (n: number) => string) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${format(Math.abs(value))}`;

/**
 * How much each field added to (bars to the right, green) or took from (to the left, red) the
 * match weight of a pair, in the linkage engine's log2 units, with the comparison level it reached.
 */
export function WeightBars({
  fields,
  matchWeight,
  probability,
}: {
  fields: FieldWeight[];
  matchWeight: number | null;
  probability: number | null;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const labels = useEvidenceLabels();
  const decimals = (n: number) =>
    n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  const widest = Math.max(1, ...fields.map((f) => Math.abs(f.weight)));
  return (
    <div>
      <Group gap="lg" mb="xs">
        {probability !== null ? (
          <Text size="sm">
            {t('evidence.probability')}: <b>{format.percent(probability)}</b>
          </Text>
        ) : null}
        {matchWeight !== null ? (
          <Text size="sm">
            {t('evidence.matchWeight')}: <b>{signed(matchWeight, decimals)}</b>
          </Text>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4} fz="sm" data-testid="weight-bars">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            <Text component="span" size="sm" c="dimmed">
              {t('evidence.weightsCaption')}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evidence.field.label')}</Table.Th>
              <Table.Th scope="col">{t('evidence.level.label')}</Table.Th>
              <Table.Th scope="col" w="45%">
                {t('evidence.weight')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => {
              const share = (Math.abs(f.weight) / widest) * 50;
              return (
                <Table.Tr key={f.field}>
                  <Table.Th scope="row" fw={500}>
                    {labels.field(f.field)}
                  </Table.Th>
                  <Table.Td>{labels.level(f.level)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Box pos="relative" h={14} style={{ flex: 1 }} aria-hidden>
                        <Box pos="absolute" left="50%" top={0} bottom={0} w={1} bg="gray.5" />
                        <Box
                          pos="absolute"
                          top={1}
                          bottom={1}
                          bg={f.weight >= 0 ? 'teal.6' : 'red.6'}
                          style={{
                            left: f.weight >= 0 ? '50%' : `${50 - share}%`,
                            width: `${share}%`,
                            borderRadius: 2,
                          }}
                        />
                      </Box>
                      <Text size="sm" w={48} ta="right" ff="monospace">
                        {signed(f.weight, decimals)}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
