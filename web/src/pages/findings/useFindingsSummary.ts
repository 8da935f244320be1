import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../api/client.ts';
import type { FindingsSummary } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';

/** Findings counted by rule and child area within the user's area (`GET /api/validation/summary`). */
export function useFindingsSummary(area: string | undefined) {
  const { can } = useSession();
  return useQuery({
    queryKey: ['findings-summary', area ?? null],
    queryFn: () => api<FindingsSummary>(`/api/validation/summary${queryString({ area })}`),
    enabled: can(PERMISSIONS.findingsAggregates),
    placeholderData: keepPreviousData,
  });
}
