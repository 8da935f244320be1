import type { RecordColumns } from '../prepare/columns.ts';
import { sharedFrom } from '../prepare/columns.ts';
import type { BlockingRule } from '../settings.ts';
import { buildBlocks, type RuleBlocks } from './blocks.ts';
import { ruleKey } from './keys.ts';

/** Each rule's key per record (in shared memory, for the workers) and its blocks. */
export interface BlockingPlan {
  rules: BlockingRule[];
  keys: Int32Array[];
  blocks: RuleBlocks[];
}

function shared(keys: Int32Array): Int32Array {
  return keys.buffer instanceof SharedArrayBuffer ? keys : sharedFrom(Int32Array, keys);
}

export function planBlocking(columns: RecordColumns, rules: readonly BlockingRule[]): BlockingPlan {
  const keys = rules.map((rule) => shared(ruleKey(columns, rule)));
  return { rules: [...rules], keys, blocks: keys.map((key) => buildBlocks(key, columns.split)) };
}

/** True when some rule puts the two records in one block (for measuring blocking recall). */
export function blockedTogether(plan: BlockingPlan, i: number, j: number): boolean {
  return plan.keys.some((keys) => (keys[i] as number) >= 0 && keys[i] === keys[j]);
}
