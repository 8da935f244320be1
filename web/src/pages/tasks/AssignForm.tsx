import { Button, Group, Select, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { districtToday } from '../pillars/quarter.ts';
import type { TaskRow } from './types.ts';

interface MemberOption {
  id: number;
  name: string;
  pillar_type: string;
}

/** Gives an open task by hand to a member who covers its desa; a reassignment says why. */
export function AssignForm({ task }: { task: TaskRow }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Members active today on the district's calendar (WIB), as the server counts it.
  const today = districtToday();
  const members = useQuery({
    queryKey: ['pillars', 'members', 'covering', task.desa_code],
    queryFn: () =>
      api<MemberOption[]>(
        `/api/pillars/members${queryString({ area: task.desa_code, active_on: today, limit: 1000 })}`,
      ),
  });
  const [memberId, setMemberId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState(task.due_date ?? '');
  const reassigning = task.member_id !== null;
  const assign = useMutation({
    mutationFn: () =>
      api(`/api/pillars/tasks/${task.id}/assign`, {
        method: 'POST',
        json: {
          member_id: Number(memberId),
          ...(dueDate ? { due_date: dueDate } : {}),
          ...(reassigning ? { reason: reason.trim() } : {}),
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pillars', 'tasks'] }),
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate();
      }}
    >
      <Group align="flex-end" gap="sm">
        <Select
          label={t('fieldwork.tasks.assignMember')}
          data={(members.data ?? [])
            .filter((m) => m.id !== task.member_id)
            .map((m) => ({ value: String(m.id), label: `${m.name} (${m.pillar_type})` }))}
          value={memberId}
          onChange={setMemberId}
          searchable
          required
        />
        <DateField label={t('fieldwork.tasks.due')} value={dueDate} onChange={setDueDate} />
        {reassigning ? (
          <Textarea
            label={t('fieldwork.tasks.assignReason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            required
          />
        ) : null}
        <Button
          type="submit"
          loading={assign.isPending}
          disabled={!memberId || (reassigning && !reason.trim())}
        >
          {t(reassigning ? 'fieldwork.tasks.reassign' : 'fieldwork.tasks.assign')}
        </Button>
      </Group>
      {assign.error ? <ErrorAlert error={assign.error} /> : null}
      {members.error ? <ErrorAlert error={members.error} /> : null}
    </form>
  );
}
