/** Kinds of social pillar (pilar-pilar sosial) a pilar user is recorded as. */
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
