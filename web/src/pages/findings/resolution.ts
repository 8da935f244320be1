import type { FindingStatus, FindingTransition, ResolutionAction } from '../../api/types.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';

/** The statuses each decision starts from (the server's workflow). */
export const ALLOWED_FROM: Record<FindingTransition, readonly FindingStatus[]> = {
  confirm: ['open'],
  dismiss: ['open', 'confirmed'],
  resolve: ['open', 'confirmed'],
  reopen: ['dismissed'],
};

export const RESOLUTION_ACTIONS: readonly ResolutionAction[] = [
  'meninggal',
  'ganda',
  'pindah',
  'tidak_layak',
  'tidak_ditemukan',
  'correct',
  'no_change',
];

/**
 * The resolutions a user may apply: a status change needs the registry's status permission and a
 * correction its correction permission (the server checks both again); leaving the registry as it
 * is needs neither.
 */
export function allowedResolutions(can: (permission: string) => boolean): ResolutionAction[] {
  return RESOLUTION_ACTIONS.filter((action) => {
    if (action === 'no_change') return true;
    if (action === 'correct') return can(PERMISSIONS.correct);
    return can(PERMISSIONS.changeStatus);
  });
}

/** What resolving a finding of a rule usually means: the action the resolve form starts with. */
export function suggestedResolution(ruleId: string): ResolutionAction | null {
  if (ruleId.startsWith('dead_')) return 'meninggal';
  if (ruleId.startsWith('asn_')) return 'tidak_layak';
  if (['duplicate_person', 'person_two_households', 'nik_shared'].includes(ruleId)) return 'ganda';
  if (/^(nik_|kk_|birth_|age_|desil_)/.test(ruleId)) return 'correct';
  return null;
}

/** The fields the registry corrects (its CORRECTABLE_FIELDS). */
export const CORRECTABLE_FIELDS = {
  person: [
    'nik',
    'name',
    'sex',
    'birth_place',
    'birth_date',
    'relationship',
    'mother_name',
    'marital_status',
    'education',
    'occupation',
    'disability',
  ],
  household: [
    'kk',
    'desil',
    'address',
    'rt',
    'rw',
    'dusun',
    'floor_type',
    'wall_type',
    'roof_type',
    'drinking_water',
    'sanitation',
    'lighting',
    'cooking_fuel',
    'house_ownership',
  ],
} as const;
