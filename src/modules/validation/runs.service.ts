import { type Actor, requirePermission } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import type { JobRunner } from '../../platform/jobs/index.ts';
import { AppError, badRequest, notFound } from '../../server/errors.ts';
import { findRegion } from '../regions/index.ts';
import { VALIDATION_PERMISSIONS as P } from './permissions.ts';
import type { Rule, RunScope } from './rule.ts';
import { ALL_RULES } from './rules/index.ts';
import * as runs from './run.repository.ts';
import { executeRun, RuleFailed } from './run-engine.ts';

export interface RunRequest {
  /** One desa; the whole district when absent. */
  desaCode?: string;
}

export interface RunOptions {
  /** Follows the progress directly (the CLI's progress bar). */
  onProgress?: (done: number, total: number, ruleId: string) => void;
  /** The rules to apply; every rule by default (tests and the benchmark pass fewer). */
  rules?: readonly Rule[];
}

export interface RunSummary {
  run_id: number;
  status: 'succeeded' | 'failed';
  rules: runs.RuleStats[];
  error?: string;
}

/** Starts a validation run as a job; its progress is the job's, per rule. */
export async function startValidationRun(
  db: Db,
  jobs: JobRunner,
  actor: Actor,
  kabupatenCode: string,
  request: RunRequest,
  options: RunOptions = {},
): Promise<{ jobId: number; runId: number; done: Promise<RunSummary> }> {
  requirePermission(actor, P.run);
  const scope = await runScope(db, actor, kabupatenCode, request.desaCode);
  return launch(db, jobs, { scope, kabupatenCode, trigger: 'manual', importId: null, by: actor.id }, options);
}

/**
 * The run a committed import triggers: the whole district, started by the system on behalf of whoever
 * imported. It waits for a run already under way instead of failing.
 */
export async function startRunAfterImport(
  db: Db,
  jobs: JobRunner,
  kabupatenCode: string,
  event: { importId: number; by: string },
): Promise<RunSummary> {
  for (;;) {
    try {
      const params = { scope: { desaCodes: null }, kabupatenCode, trigger: 'import' as const, ...event };
      const { done } = await launch(db, jobs, params, {});
      return await done;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'run_running')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

async function runScope(db: Db, actor: Actor, kabupatenCode: string, desaCode?: string): Promise<RunScope> {
  if (desaCode === undefined) {
    if (!actor.scope.all) {
      throw badRequest('Pilih desa yang akan divalidasi', 'Choose the desa to validate');
    }
    return { desaCodes: null };
  }
  const region = desaCode.startsWith(`${kabupatenCode}.`) ? await findRegion(db, desaCode) : undefined;
  const inArea = actor.scope.all || actor.scope.desaCodes.includes(desaCode);
  if (region?.level !== 'desa_kelurahan' || !inArea) {
    throw notFound(`Desa ${desaCode} tidak ditemukan`, `Desa ${desaCode} not found`);
  }
  return { desaCodes: [desaCode] };
}

async function launch(
  db: Db,
  jobs: JobRunner,
  run: {
    scope: RunScope;
    kabupatenCode: string;
    trigger: 'manual' | 'import';
    importId: number | null;
    by: string;
  },
  options: RunOptions,
): Promise<{ jobId: number; runId: number; done: Promise<RunSummary> }> {
  await runs.failInterruptedRuns(db);
  let runId: number;
  try {
    runId = await runs.insertRun(db, run);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new AppError(
        409,
        'run_running',
        'Validasi lain sedang berjalan; tunggu sampai selesai',
        'Another validation run is in progress; wait until it ends',
      );
    }
    throw error;
  }
  const rules = options.rules ?? ALL_RULES;
  const params = { run_id: runId, desa_codes: run.scope.desaCodes, trigger: run.trigger };
  const { id: jobId, done } = await jobs.start('validation', params, run.by, async (job) => {
    await runs.attachJob(db, runId, job.id);
    try {
      const stats = await executeRun(db, {
        runId,
        rules,
        scope: run.scope,
        kabupatenCode: run.kabupatenCode,
        onProgress: (done, total, ruleId) => {
          job.progress(done, total, ruleId);
          options.onProgress?.(done, total, ruleId);
        },
      });
      await runs.finishRun(db, runId, stats, null);
      return { run_id: runId, status: 'succeeded', rules: stats } satisfies RunSummary;
    } catch (error) {
      const completed = error instanceof RuleFailed ? error.completed : [];
      await runs.finishRun(db, runId, completed, error instanceof Error ? error.message : String(error));
      throw error;
    }
  });
  return { jobId, runId, done };
}

export async function listRuns(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  requirePermission(actor, P.aggregates);
  return runs.listRuns(db, page.limit, page.offset);
}

export async function getRun(db: Db, actor: Actor, id: number) {
  requirePermission(actor, P.aggregates);
  const run = await runs.findRun(db, id);
  if (!run) throw notFound(`Validasi #${id} tidak ditemukan`, `Validation run #${id} not found`);
  return run;
}
