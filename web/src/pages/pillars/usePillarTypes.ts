import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';
import type { PillarType } from './types.ts';

const NONE: PillarType[] = [];

/**
 * The pillar types (data: a district may add its own) and each one's name in the user's language.
 * Users without pillars.read (the pimpinan) cannot list them: the national types' names come from
 * the dictionary, a district's own type shows its code.
 */
export function usePillarTypes() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const query = useQuery({
    queryKey: ['pillar-types'],
    queryFn: () => api<PillarType[]>('/api/pillars/types'),
    enabled: can(PERMISSIONS.pillarsRead),
    staleTime: 5 * 60_000,
  });
  const types = query.data ?? NONE;
  const label = (code: string) => {
    const type = types.find((item) => item.code === code);
    if (type) return i18n.language === 'en' ? type.label_en : type.label;
    return t(`users.pillar.${code}`, { defaultValue: code });
  };
  return { types, label, error: query.error };
}
