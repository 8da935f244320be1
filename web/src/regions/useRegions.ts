import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client.ts';
import type { Region } from '../api/types.ts';

const NONE: Region[] = [];
const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY };

/** The deployment's kabupaten code, from the public health check. */
export function useKabupatenCode(): string | undefined {
  const { data } = useQuery({
    queryKey: ['health'],
    queryFn: () => api<{ kabupaten: string }>('/api/health'),
    ...forever,
  });
  return data?.kabupaten;
}

export interface RegionDirectory {
  kecamatan: Region[];
  desaOf(kecamatanCode: string): Region[];
  /** The name of a kecamatan or desa code, or the code itself while the list loads. */
  name(code: string | null | undefined): string;
}

/** Every kecamatan and desa of the kabupaten: public reference data, loaded once per session. */
export function useRegionDirectory(): RegionDirectory {
  const kabupaten = useKabupatenCode();
  const kecamatanQuery = useQuery({
    queryKey: ['regions', kabupaten, 'children'],
    queryFn: () => api<Region[]>(`/api/regions?parent=${kabupaten}&level=kecamatan&limit=1000`),
    enabled: Boolean(kabupaten),
    ...forever,
  });
  const kecamatan = kecamatanQuery.data ?? NONE;
  const desaLists = useQueries({
    queries: kecamatan.map((k) => ({
      queryKey: ['regions', k.code, 'children'],
      queryFn: () => api<Region[]>(`/api/regions?parent=${k.code}&level=desa_kelurahan&limit=1000`),
      ...forever,
    })),
    combine: dataOf,
  });
  return useMemo(() => {
    const byKecamatan = new Map<string, Region[]>();
    const names = new Map<string, string>();
    for (const region of kecamatan) names.set(region.code, region.name);
    desaLists.forEach((list, index) => {
      const parent = kecamatan[index];
      if (!list || !parent) return;
      byKecamatan.set(parent.code, list);
      for (const region of list) names.set(region.code, region.name);
    });
    return {
      kecamatan,
      desaOf: (code) => byKecamatan.get(code) ?? [],
      name: (code) => (code ? (names.get(code) ?? code) : ''),
    };
  }, [kecamatan, desaLists]);
}

/** Module-level, so the combined list keeps its identity until a query's data changes. */
function dataOf(results: { data?: Region[] }[]) {
  return results.map((result) => result.data);
}
