import { api } from '../../api/client.ts';
import type { Finding, Page } from '../../api/types.ts';

export const DUPLICATE_RULE = 'duplicate_person';

/**
 * The next open duplicate pair after `currentId` in the queue's order (the first one when the current
 * pair is no longer open), or null when none is left.
 */
export async function nextPair(currentId: number): Promise<number | null> {
  const { items } = await api<Page<Finding>>(`/api/findings?rule_id=${DUPLICATE_RULE}&status=open&limit=200`);
  const at = items.findIndex((item) => item.id === currentId);
  const next = at >= 0 ? (items[at + 1] ?? items.find((item) => item.id !== currentId)) : items[0];
  return next && next.id !== currentId ? next.id : null;
}
