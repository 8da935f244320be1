import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { FindingDetail } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useActorNames } from '../../components/useActorNames.ts';

/** Who the finding is assigned to; the user takes it, or gives it back. */
export function AssignButtons({ finding, canAssign }: { finding: FindingDetail; canAssign: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const assignee = finding.assignee_user_id;
  const name = useActorNames(assignee ? [`user:${assignee}`] : []);
  const assign = useMutation({
    mutationFn: (userId: number | null) =>
      api(`/api/findings/${finding.id}/assignee`, { method: 'PUT', json: { user_id: userId } }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['finding', finding.id] });
      queryClient.invalidateQueries({ queryKey: ['findings'] });
    },
  });
  const mine = me !== null && assignee === me.user.id;
  return (
    <div>
      <Group gap="sm">
        <Text size="sm" data-testid="finding-assignee">
          {t('findings.assignee')}: {assignee ? name(`user:${assignee}`) : t('findings.unassigned')}
        </Text>
        {canAssign && me && !mine ? (
          <Button
            size="compact-sm"
            variant="light"
            loading={assign.isPending}
            onClick={() => assign.mutate(me.user.id)}
          >
            {t('findings.assignMe')}
          </Button>
        ) : null}
        {canAssign && assignee ? (
          <Button
            size="compact-sm"
            variant="subtle"
            loading={assign.isPending}
            onClick={() => assign.mutate(null)}
          >
            {t('findings.unassign')}
          </Button>
        ) : null}
      </Group>
      {assign.error ? <ErrorAlert error={assign.error} /> : null}
    </div>
  );
}
