import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Bilingual, RuleInfo } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';

/** Text of the server's own bilingual fields (rule titles and descriptions) in the user's language. */
export function useBilingual() {
  const { i18n } = useTranslation();
  return useCallback((text: Bilingual) => (i18n.language === 'en' ? text.en : text.id), [i18n.language]);
}

/** The validation rules (`GET /api/validation/rules`), loaded once per session. */
export function useRules() {
  const { can } = useSession();
  const bilingual = useBilingual();
  const query = useQuery({
    queryKey: ['validation-rules'],
    queryFn: () => api<RuleInfo[]>('/api/validation/rules'),
    enabled: can(PERMISSIONS.findingsAggregates),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const rules = query.data;
  return useMemo(() => {
    const byId = new Map((rules ?? []).map((rule) => [rule.id, rule]));
    return {
      rules: rules ?? [],
      rule: (id: string) => byId.get(id),
      /** The rule's title in the user's language, or its id while the list loads. */
      title: (id: string) => {
        const rule = byId.get(id);
        return rule ? bilingual(rule.title) : id;
      },
    };
  }, [rules, bilingual]);
}
