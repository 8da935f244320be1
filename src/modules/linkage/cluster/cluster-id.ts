import { createHash } from 'node:crypto';

/**
 * A cluster's id is a digest of its members' ids: the same membership gets the same id in every
 * run, with no stored state, and any change of membership gives a new id.
 */
export function clusterId(memberKeys: readonly string[]): string {
  const digest = createHash('sha256');
  for (const key of [...memberKeys].sort()) digest.update(`${key}\n`);
  return `c${digest.digest('hex').slice(0, 16)}`;
}
