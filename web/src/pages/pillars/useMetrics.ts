import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { PillarMetric } from './types.ts';

const NONE: PillarMetric[] = [];

/** The target metrics, with each one's name and (for a metric not counted yet) its note in the user's language. */
export function useMetrics() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['pillar-metrics'],
    queryFn: () => api<PillarMetric[]>('/api/pillars/metrics'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const metrics = query.data ?? NONE;
  const english = i18n.language === 'en';
  const find = (code: string) => metrics.find((m) => m.code === code);
  return {
    metrics,
    error: query.error,
    label: (code: string) => {
      const metric = find(code);
      return metric ? (english ? metric.label_en : metric.label) : code;
    },
    note: (code: string) => {
      const pending = find(code)?.pending;
      return pending ? (english ? pending.en : pending.id) : null;
    },
  };
}
