/**
 * Whether a record changed between the task's baseline and now. A change request must not silently
 * overwrite what someone else changed meanwhile (a quarterly import, another correction): the
 * approver sees what changed and decides knowingly.
 */
export interface ConflictInput {
  field: string;
  baselineValue: string | null;
  baselineUpdatedAt: Date | null;
  current: Record<string, unknown> | null;
  baselineRecord: Record<string, unknown> | null;
}

export interface Conflict {
  reason: 'record_missing' | 'record_changed';
  changed_at: string | null;
  /** The fields whose value differs from the baseline, with both values. */
  changed_fields: { field: string; at_task: unknown; now: unknown }[];
  /** The field this request would change, if it is among them. */
  same_field: boolean;
}

const IGNORED = new Set(['updated_at', 'created_at']);

export function conflictOf(input: ConflictInput): Conflict | null {
  if (!input.current)
    return { reason: 'record_missing', changed_at: null, changed_fields: [], same_field: true };
  const currentUpdated = input.current.updated_at
    ? new Date(String(input.current.updated_at)).getTime()
    : null;
  const baselineUpdated = input.baselineUpdatedAt?.getTime() ?? null;
  if (baselineUpdated === null || currentUpdated === baselineUpdated) return null;
  const changed: Conflict['changed_fields'] = [];
  const baseline = input.baselineRecord ?? {};
  for (const [field, now] of Object.entries(input.current)) {
    if (IGNORED.has(field) || !(field in baseline)) continue;
    const before = baseline[field];
    if (JSON.stringify(before) !== JSON.stringify(now)) changed.push({ field, at_task: before, now });
  }
  const now = input.current[input.field];
  const sameField = String(now ?? '') !== String(input.baselineValue ?? '');
  return {
    reason: 'record_changed',
    changed_at: new Date(currentUpdated as number).toISOString(),
    changed_fields: changed,
    same_field: sameField,
  };
}
