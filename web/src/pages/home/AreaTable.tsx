import { Anchor, Paper, Table, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegistrySummary } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { useFormat } from '../../i18n/format.ts';
import { poorShare } from './useSummary.ts';

/**
 * The map's figures as a table: a kecamatan opens its desa (the keyboard's way into the map), a desa
 * links to its households in the registry for users who may read them.
 */
export function AreaTable({
  summary,
  onSelect,
}: {
  summary: RegistrySummary;
  onSelect?(code: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const desaLevel = summary.area.level === 'kecamatan';

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {desaLevel ? t('home.desaTable') : t('home.kecamatanTable')}
      </Title>
      <Table.ScrollContainer minWidth={400}>
        <Table
          striped
          highlightOnHover
          verticalSpacing={4}
          horizontalSpacing={6}
          fz="sm"
          data-testid="area-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{desaLevel ? t('common.desa') : t('common.kecamatan')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('home.households')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('home.persons')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('home.poorShort')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('home.share')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.children.map((child) => (
              <Table.Tr key={child.code}>
                <Table.Th scope="row" fw={500}>
                  {onSelect ? (
                    <UnstyledButton onClick={() => onSelect(child.code)} c="teal.8" fw={500} fz="sm">
                      {child.name}
                    </UnstyledButton>
                  ) : desaLevel && can(PERMISSIONS.read) ? (
                    <Anchor component={Link} to={`/registry?desa=${child.code}`} fz="sm">
                      {child.name}
                    </Anchor>
                  ) : (
                    child.name
                  )}
                </Table.Th>
                <Table.Td ta="right">{format.number(child.households)}</Table.Td>
                <Table.Td ta="right">{format.number(child.persons)}</Table.Td>
                <Table.Td ta="right">{format.number(child.households_desil_1_2)}</Table.Td>
                <Table.Td ta="right">{child.households ? format.percent(poorShare(child)) : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
