/**
 * NIK and KK are shown masked ('3519**********12') to whoever does not need them in full. Fields are
 * recognised by name, so every module that names them `nik`, `kk`, `no_kk` or `..._nik`/`..._kk` is
 * covered without doing anything.
 */
const IDENTITY_FIELD = /^(nik|kk|no_kk)$|_(nik|kk)$/;

export function isIdentityField(name: string): boolean {
  return IDENTITY_FIELD.test(name);
}

/** Keeps the province-kabupaten prefix and the last two digits, which is enough to tell people apart. */
export function maskIdentifier(value: string): string {
  if (value.length <= 6) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 6)}${value.slice(-2)}`;
}

/** `value` with every identity field masked, at any depth; parts without one are returned as they were. */
export function maskIdentities<T>(value: T): T {
  return mask(value) as T;
}

function mask(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) {
    const out = value.map(mask);
    return out.some((item, i) => item !== value[i]) ? out : value;
  }
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = isIdentityField(key) && typeof field === 'string' ? maskIdentifier(field) : mask(field);
    changed ||= out[key] !== field;
  }
  return changed ? out : value;
}
