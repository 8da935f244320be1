import { Paper, SimpleGrid, Table, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrySummary } from '../../api/types.ts';
import { EChart } from '../../components/EChart.tsx';
import { useFormat } from '../../i18n/format.ts';

/** Households and people by desil, as bars and as the table of the same figures. */
export function DesilChart({ summary }: { summary: RegistrySummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = summary.by_desil;
  const label = useCallback(
    (desil: number | null) => (desil === null ? t('home.noDesil') : t('home.desil', { desil })),
    [t],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => format.number(value) },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 56 },
      xAxis: { type: 'category', data: rows.map((row) => label(row.desil)), axisLabel: { rotate: 30 } },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { formatter: (value: number) => format.number(value) },
      },
      series: [
        {
          name: t('home.households'),
          type: 'bar',
          data: rows.map((row) => row.households),
          color: '#0ca678',
        },
        { name: t('home.persons'), type: 'bar', data: rows.map((row) => row.persons), color: '#74c0fc' },
      ],
    }),
    [rows, t, label, format],
  );

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('home.byDesil')}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <EChart option={option} height={280} label={t('home.byDesilChart', { area: summary.area.name })} />
        <Table withTableBorder striped verticalSpacing={4} fz="sm" data-testid="desil-table">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            {t('home.byDesilTable', { area: summary.area.name })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('home.desilColumn')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('home.households')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('home.persons')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.desil ?? 'none'}>
                <Table.Th scope="row" fw={400}>
                  {label(row.desil)}
                </Table.Th>
                <Table.Td ta="right">{format.number(row.households)}</Table.Td>
                <Table.Td ta="right">{format.number(row.persons)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Paper>
  );
}
