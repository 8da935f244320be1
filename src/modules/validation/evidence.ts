import type { AreaScope } from '../../platform/area-scope.ts';
import { maskIdentities } from '../../platform/masking.ts';

/**
 * What a caller may see of a finding's evidence. Evidence names other records (the other holder of a
 * NIK, the head of the household), which may live in another desa: any object in it carrying a
 * `desa_code` outside the caller's area is replaced by `{ outside_area: true }`, so a desa operator
 * learns that a match exists elsewhere but not who it is. NIK and KK are then masked as the registry
 * masks them for callers without the identity permission. Pure: no I/O.
 */
export function visibleEvidence(evidence: unknown, scope: AreaScope, fullIdentity: boolean): unknown {
  const redacted = scope.all ? evidence : redact(evidence, new Set(scope.desaCodes));
  return fullIdentity ? redacted : maskIdentities(redacted);
}

export const OUTSIDE_AREA = { outside_area: true } as const;

function redact(value: unknown, allowed: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => redact(item, allowed));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.desa_code === 'string' && !allowed.has(record.desa_code)) return OUTSIDE_AREA;
  return Object.fromEntries(Object.entries(record).map(([key, field]) => [key, redact(field, allowed)]));
}
