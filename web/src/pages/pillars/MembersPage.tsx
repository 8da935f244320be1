import { Badge, Button, Modal, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/client.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { type MemberFilter, MemberFilters } from './MemberFilters.tsx';
import { MemberForm } from './MemberForm.tsx';
import { PillarTypesPanel } from './PillarTypesPanel.tsx';
import { districtToday } from './quarter.ts';
import type { PillarMember } from './types.ts';
import { usePillarTypes } from './usePillarTypes.ts';

const PAGE_SIZE = 50;

type Dialog = { kind: 'create' } | { kind: 'edit'; member: PillarMember };

/** Pillar members a page at a time, filtered by name, type, area and active today; add and change them. */
export function MembersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const { label } = usePillarTypes();
  const [filter, setFilter] = useState<MemberFilter>({ q: '', type: null, area: null, active: 'active' });
  const [page, setPage] = useState(0);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [opened, setOpened] = useState(false);
  const [openings, setOpenings] = useState(0);
  const [q] = useDebouncedValue(filter.q.trim(), 300);
  const params = {
    q,
    type: filter.type,
    area: filter.area,
    active_on: filter.active ? districtToday() : null,
  };
  // The server gives no count: one row more than a page says whether another page follows.
  const members = useQuery({
    queryKey: ['pillar-members', params, page],
    queryFn: () =>
      api<PillarMember[]>(
        `/api/pillars/members${queryString({ ...params, limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const rows = (members.data ?? []).slice(0, PAGE_SIZE);
  const more = (members.data?.length ?? 0) > PAGE_SIZE;
  const manage = can(PERMISSIONS.pillarsManage);

  const open = useCallback((next: Dialog) => {
    setDialog(next);
    setOpened(true);
    setOpenings((n) => n + 1);
  }, []);

  const columns = useMemo<ColumnDef<PillarMember, unknown>[]>(
    () => [
      {
        header: t('common.name'),
        cell: ({ row }) => (
          <div>
            <Text size="sm">{row.original.name}</Text>
            {row.original.organisation ? (
              <Text size="xs" c="dimmed">
                {row.original.organisation}
              </Text>
            ) : null}
          </div>
        ),
      },
      { header: t('pillars.type'), cell: ({ row }) => label(row.original.pillar_type) },
      { header: t('pillars.areas'), cell: ({ row }) => row.original.areas.map((a) => a.name).join(', ') },
      {
        header: t('pillars.members.period'),
        cell: ({ row }) =>
          row.original.active_until
            ? `${format.date(row.original.active_from)} – ${format.date(row.original.active_until)}`
            : t('pillars.members.since', { date: format.date(row.original.active_from) }),
      },
      {
        header: t('pillars.members.login'),
        cell: ({ row }) =>
          row.original.username ? (
            <Badge variant="light" miw="max-content" tt="none">
              {row.original.username}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              {t('pillars.members.noLogin')}
            </Text>
          ),
      },
      ...(manage
        ? [
            {
              id: 'edit',
              header: t('household.actions'),
              cell: ({ row }: { row: { original: PillarMember } }) => (
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => open({ kind: 'edit', member: row.original })}
                  aria-label={t('pillars.members.editNamed', { name: row.original.name })}
                >
                  {t('pillars.members.edit')}
                </Button>
              ),
            },
          ]
        : []),
    ],
    [t, label, format, manage, open],
  );

  return (
    <Stack>
      <PageHeader title={t('nav.members')}>
        {manage ? (
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => open({ kind: 'create' })}>
            {t('pillars.members.add')}
          </Button>
        ) : null}
      </PageHeader>
      <MemberFilters
        value={filter}
        onChange={(next) => {
          setFilter(next);
          setPage(0);
        }}
      />
      {members.error ? <ErrorAlert error={members.error} /> : null}
      <DataTable
        caption={t('pillars.members.caption')}
        columns={columns}
        data={rows}
        rowKey={(member) => member.id}
        emptyText={members.isPending ? t('common.loading') : t('pillars.members.none')}
        pagination={{
          page,
          pageSize: PAGE_SIZE,
          total: page * PAGE_SIZE + rows.length + (more ? 1 : 0),
          totalCapped: more,
          onPageChange: setPage,
        }}
      />
      <PillarTypesPanel />
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        size="lg"
        title={
          dialog?.kind === 'edit'
            ? t('pillars.members.editTitle', { name: dialog.member.name })
            : t('pillars.members.add')
        }
      >
        {dialog?.kind === 'create' ? <MemberForm key={openings} onDone={() => setOpened(false)} /> : null}
        {dialog?.kind === 'edit' ? (
          <MemberForm key={openings} member={dialog.member} onDone={() => setOpened(false)} />
        ) : null}
      </Modal>
    </Stack>
  );
}
