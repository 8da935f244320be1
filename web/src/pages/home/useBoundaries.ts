import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface Boundaries {
  type: 'FeatureCollection';
  features: { properties: { kode: string; nama: string } }[];
}

/** The GeoJSON boundaries of a region's children (public reference data, never stale). */
export function useBoundaries(code: string | undefined) {
  return useQuery({
    queryKey: ['boundaries', code],
    queryFn: () => api<Boundaries>(`/api/regions/${code}/boundaries`),
    enabled: Boolean(code),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
