import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Finding, HouseholdDetail, Person, RecordStatus } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.tsx';

export interface Subject {
  name: string;
  status: RecordStatus;
  householdId: number;
}

/** The finding's registry record as it is now (its status follows the decisions), for users who may read it. */
export function useSubject(finding: Finding | undefined) {
  const { can } = useSession();
  return useQuery({
    queryKey: ['finding-subject', finding?.subject_type, finding?.subject_id],
    enabled: Boolean(finding) && can(PERMISSIONS.read),
    queryFn: async (): Promise<Subject> => {
      const { subject_type: type, subject_id: id } = finding as Finding;
      if (type === 'person') {
        const { person } = await api<{ person: Person }>(`/api/persons/${id}`);
        return { name: person.name, status: person.status, householdId: person.household_id };
      }
      const { household, members } = await api<HouseholdDetail>(`/api/households/${id}`);
      const head = members.find((m) => m.relationship === 'kepala_keluarga');
      return { name: head?.name ?? household.family_id, status: household.status, householdId: household.id };
    },
  });
}
