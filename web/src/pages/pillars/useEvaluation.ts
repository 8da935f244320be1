import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import type { Evaluation } from './types.ts';

/** The quarter's evaluation, for users holding pillars.evaluation (others get no query). */
export function useEvaluation(quarter: string) {
  const { can } = useSession();
  return useQuery({
    queryKey: ['pillar-evaluation', quarter],
    queryFn: () => api<Evaluation>(`/api/pillars/evaluation?quarter=${quarter}`),
    enabled: can(PERMISSIONS.pillarsEvaluation),
  });
}
