import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Role } from '../../api/types.ts';

/** The roles (data on the server) and a role's label in the user's language. */
export function useRoles() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['roles'],
    queryFn: () => api<Role[]>('/api/roles'),
    staleTime: 300_000,
  });
  const roles = query.data ?? [];
  const label = useCallback(
    (name: string) => {
      const role = roles.find((r) => r.name === name);
      if (!role) return name;
      return i18n.language === 'en' ? role.label_en : role.label;
    },
    [roles, i18n.language],
  );
  return { roles, label, error: query.error };
}
