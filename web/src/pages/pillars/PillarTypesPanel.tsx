import { Badge, Button, Group, Modal, Paper, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TypeForm } from './TypeForm.tsx';
import { usePillarTypes } from './usePillarTypes.ts';

/** The pillar types (the nine national ones and the district's own), with "add type" for pillars.manage. */
export function PillarTypesPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { types, label, error } = usePillarTypes();
  const [opened, setOpened] = useState(false);
  const [openings, setOpenings] = useState(0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pillar-types-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="pillar-types-title">
          {t('pillars.types.title')}
        </Title>
        {can(PERMISSIONS.pillarsManage) ? (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              setOpened(true);
              setOpenings((n) => n + 1);
            }}
          >
            {t('pillars.types.add')}
          </Button>
        ) : null}
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('pillars.types.code')}</Table.Th>
              <Table.Th scope="col">{t('pillars.type')}</Table.Th>
              <Table.Th scope="col">{t('pillars.types.organisation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.map((type) => (
              <Table.Tr key={type.code}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {type.code}
                  </Text>
                </Table.Td>
                <Table.Td>{label(type.code)}</Table.Td>
                <Table.Td>
                  {type.has_organisation ? (
                    <Badge variant="light">{t('pillars.types.organisationRequired')}</Badge>
                  ) : (
                    '–'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('pillars.types.add')}>
        <TypeForm key={openings} onDone={() => setOpened(false)} />
      </Modal>
    </Paper>
  );
}
