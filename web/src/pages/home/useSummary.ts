import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../api/client.ts';
import type { RegistrySummary } from '../../api/types.ts';

/** Counts for an area (the whole kabupaten when no code is given) within the user's scope. */
export function useSummary(area: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['registry-summary', area ?? ''],
    queryFn: () => api<RegistrySummary>(`/api/registry/summary${queryString({ area })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Share of desil 1-2 households; 0 for an area without households. */
export function poorShare(counts: { households: number; households_desil_1_2: number }): number {
  return counts.households ? counts.households_desil_1_2 / counts.households : 0;
}
