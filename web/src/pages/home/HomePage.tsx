import { Anchor, Breadcrumbs, Button, Grid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { preloadECharts } from '../../components/EChart.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useKabupatenCode } from '../../regions/useRegions.ts';
import { AreaMap } from './AreaMap.tsx';
import { AreaTable } from './AreaTable.tsx';
import { DesilChart } from './DesilChart.tsx';
import { FindingsByRule } from './FindingsByRule.tsx';
import { SummaryStats } from './SummaryStats.tsx';
import { useBoundaries } from './useBoundaries.ts';
import { useSummary } from './useSummary.ts';

/** Beranda: the user's area at a glance; a kecamatan opens its desa. */
export function HomePage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const [kecamatan, setKecamatan] = useState<string>();
  const allowed = can(PERMISSIONS.aggregates);
  const summary = useSummary(kecamatan, allowed);
  const kabupaten = useKabupatenCode();
  // The map's boundaries load beside the figures rather than after them.
  useBoundaries(allowed ? (kecamatan ?? kabupaten) : undefined);
  // The charts' code is evaluated once the requests are out, while the server answers.
  useEffect(() => {
    if (allowed) preloadECharts();
  }, [allowed]);

  if (!allowed) {
    return (
      <>
        <PageHeader title={t('home.title')} />
        <Text mb="md">{t('home.welcome', { name: me?.user.full_name })}</Text>
        {can(PERMISSIONS.pillarsField) ? (
          <Button component={Link} to="/field" mb="md" w="fit-content">
            {t('home.openField')}
          </Button>
        ) : null}
        {can(PERMISSIONS.findingsAggregates) ? <FindingsByRule area={undefined} /> : null}
      </>
    );
  }
  const data = summary.data;
  // While a kecamatan loads the previous area stays on screen, so the page follows the data shown.
  const atKecamatan = data?.area.level === 'kecamatan';
  return (
    <Stack>
      <PageHeader title={t('home.title')} />
      {summary.error ? <ErrorAlert error={summary.error} /> : null}
      {data ? (
        <>
          <Breadcrumbs aria-label={t('home.areaPath')}>
            {atKecamatan ? (
              <Anchor component="button" type="button" onClick={() => setKecamatan(undefined)}>
                {t('home.kabupaten')}
              </Anchor>
            ) : null}
            <Text aria-current="location">{data.area.name}</Text>
          </Breadcrumbs>
          <SummaryStats summary={data} />
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <AreaMap summary={data} onSelect={atKecamatan ? undefined : setKecamatan} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <AreaTable summary={data} onSelect={atKecamatan ? undefined : setKecamatan} />
            </Grid.Col>
          </Grid>
          {can(PERMISSIONS.findingsAggregates) ? <FindingsByRule area={kecamatan} /> : null}
          <DesilChart summary={data} />
        </>
      ) : null}
    </Stack>
  );
}
