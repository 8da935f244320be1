/**
 * The national kinds of social pillar (pilar-pilar sosial), seeded into the pillar_types table by
 * migration 0005; the table, which a district may extend, is what a pilar user's type is checked against.
 */
export const PILLAR_TYPES = [
  'pkh',
  'tksk',
  'pendamping_rehsos',
  'tagana',
  'pordam',
  'slrt',
  'psm',
  'lks',
  'karang_taruna',
] as const;

/** Roles whose areas are desa only; other scoped roles may also be given a whole kecamatan. */
export const DESA_ONLY_ROLES: ReadonlySet<string> = new Set(['operator_desa']);
