import { Paper, Skeleton, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrySummary } from '../../api/types.ts';
import { EChart } from '../../components/EChart.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useBoundaries } from './useBoundaries.ts';
import { poorShare } from './useSummary.ts';

interface AreaDatum {
  name: string;
  /** Percent of desil 1-2 households; '-' (no colour) for an area without households. */
  value: number | '-';
  code: string;
  label: string;
  households: number;
}

/**
 * Choropleth of the area's kecamatan or desa from the shipped boundaries (no tile server), coloured
 * by the share of desil 1-2 households; areas outside the user's scope stay grey.
 */
export function AreaMap({ summary, onSelect }: { summary: RegistrySummary; onSelect?(code: string): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const code = summary.area.code;
  const boundaries = useBoundaries(code);

  const tooltip = useCallback(
    (datum: AreaDatum | undefined) => {
      if (!datum) return t('home.outsideScope');
      if (datum.value === '-') return t('home.noHouseholds');
      return t('home.mapTooltip', {
        share: format.percent(datum.value / 100),
        households: format.number(datum.households),
      });
    },
    [t, format],
  );

  const mapName = `sinergi-${code}`;
  const map = useMemo(
    () => (boundaries.data ? { name: mapName, geoJson: boundaries.data } : undefined),
    [mapName, boundaries.data],
  );
  const option = useMemo(() => {
    if (!boundaries.data) return null;
    const names = new Map(boundaries.data.features.map((f) => [f.properties.kode, f.properties.nama]));
    const data: AreaDatum[] = summary.children.map((child) => ({
      name: child.code,
      code: child.code,
      label: child.name,
      households: child.households,
      value: child.households ? Math.round(poorShare(child) * 1000) / 10 : '-',
    }));
    // The scale spans the areas' own range in steps of 5 %, so neighbouring areas can be told apart.
    const values = data.flatMap((d) => (d.value === '-' ? [] : [d.value]));
    const lowest = values.length ? Math.floor(Math.min(...values) / 5) * 5 : 0;
    const highest = Math.max(lowest + 5, ...values.map((value) => Math.ceil(value / 5) * 5));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string; data?: AreaDatum }) =>
          `${names.get(params.name) ?? params.name}<br/>${tooltip(params.data)}`,
      },
      visualMap: {
        min: lowest,
        max: highest,
        left: 8,
        bottom: 8,
        orient: 'horizontal',
        itemWidth: 12,
        itemHeight: 120,
        text: [`${highest}%`, `${lowest}%`],
        inRange: { color: ['#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'] },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'kode',
          aspectScale: 1,
          layoutCenter: ['50%', '48%'],
          layoutSize: '92%',
          itemStyle: { areaColor: '#e9ecef', borderColor: '#495057', borderWidth: 0.6 },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#63e6be' } },
          select: { disabled: true },
          label: {
            show: true,
            fontSize: 10,
            formatter: (params: { name: string }) => names.get(params.name) ?? '',
          },
          data,
        },
      ],
    };
  }, [boundaries.data, mapName, summary.children, tooltip]);

  const click = useCallback(
    (params: { data?: unknown }) => {
      const datum = params.data as AreaDatum | undefined;
      if (datum && onSelect) onSelect(datum.code);
    },
    [onSelect],
  );

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4">
        {t('home.map', { area: summary.area.name })}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {onSelect ? t('home.mapHintKecamatan') : t('home.mapHintDesa')}
      </Text>
      {option ? (
        <EChart
          option={option}
          map={map}
          height={420}
          label={t('home.mapLabel', { area: summary.area.name })}
          onClick={click}
        />
      ) : (
        <Skeleton height={420} />
      )}
    </Paper>
  );
}
