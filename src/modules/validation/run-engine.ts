import type { Db } from '../../platform/db/index.ts';
import type { Rule, RunScope } from './rule.ts';
import * as runs from './run.repository.ts';

export interface RunInput {
  runId: number;
  rules: readonly Rule[];
  scope: RunScope;
  kabupatenCode: string;
  /** Progress over the whole run: `done` of `total` steps (100 per rule), with the rule's id. */
  onProgress?: (done: number, total: number, ruleId: string) => void;
}

/** Steps per rule in the reported progress, so a program rule's own progress shows inside its share. */
const STEPS = 100;

/**
 * Applies each rule in turn and reconciles its findings. Each rule is one transaction: its findings
 * change all together, and a rule that fails leaves the earlier rules' results in place (the run is
 * marked failed with the rule named).
 */
export async function executeRun(db: Db, input: RunInput): Promise<runs.RuleStats[]> {
  const stats: runs.RuleStats[] = [];
  const total = input.rules.length * STEPS;
  for (const [index, rule] of input.rules.entries()) {
    const report = (fraction: number) =>
      input.onProgress?.(index * STEPS + Math.min(STEPS, Math.floor(fraction * STEPS)), total, rule.id);
    report(0);
    const started = performance.now();
    try {
      const result = await db.transaction(async (tx) => {
        // Rules group and sort the whole district: room in memory instead of spilling to disk.
        await tx.exec(`SET LOCAL work_mem = '64MB'`);
        await runs.createCandidateTable(tx);
        if (rule.kind === 'sql') await runs.insertSqlCandidates(tx, rule.sql, input.scope);
        else {
          const candidates = await rule.run({
            db: tx,
            scope: input.scope,
            kabupatenCode: input.kabupatenCode,
            progress: (done, of) => report(of > 0 ? (done / of) * 0.9 : 0),
          });
          await runs.insertProgramCandidates(tx, candidates);
        }
        return runs.reconcile(tx, rule, input.runId, input.scope);
      });
      stats.push({ ...result, ms: Math.round(performance.now() - started) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new RuleFailed(rule.id, message, stats);
    }
    report(1);
  }
  return stats;
}

/** A rule failed: which one, and what the rules before it did. */
export class RuleFailed extends Error {
  constructor(
    readonly ruleId: string,
    reason: string,
    readonly completed: runs.RuleStats[],
  ) {
    super(`rule ${ruleId}: ${reason}`);
  }
}
