import type { Actor } from '../actor.ts';
import type { Db } from '../db/index.ts';

export interface JobProgress {
  done: number;
  total: number | null;
  message?: string;
}

export interface JobView {
  id: number;
  kind: string;
  status: 'running' | 'succeeded' | 'failed';
  params: unknown;
  progress_done: number;
  progress_total: number | null;
  message: string | null;
  result: unknown;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface JobContext {
  id: number;
  progress(done: number, total?: number | null, message?: string): void;
}

/**
 * Runs long work (import, validation, linkage) as jobs. Live progress is kept in memory, where the
 * API reads it while the job runs; the row in `jobs` is written at start and at the end, so the
 * job's own queries are never slowed by progress writes.
 */
export class JobRunner {
  private readonly live = new Map<number, JobProgress>();
  private readonly readPermissions = new Map<string, string>();
  private readonly followUps = new Map<string, ((result: unknown, job: JobView) => Promise<unknown>)[]>();
  /** Running work and follow-ups, so a process can wait for them before closing the database. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly db: Db) {}

  /** Marks jobs left running by a process that died as failed. */
  async failInterrupted(): Promise<number> {
    const rows = await this.db.query(
      `UPDATE jobs SET status = 'failed', error = 'interrupted: the server stopped while the job ran',
         finished_at = now() WHERE status = 'running' RETURNING id`,
    );
    return rows.length;
  }

  /** Starts work in the background and returns the job id at once; `done` settles when it ends. */
  async start<T>(
    kind: string,
    params: unknown,
    createdBy: string,
    work: (job: JobContext) => Promise<T>,
  ): Promise<{ id: number; done: Promise<T> }> {
    const [row] = await this.db.query<{ id: number }>(
      `INSERT INTO jobs (kind, status, params, created_by) VALUES ($1, 'running', $2, $3) RETURNING id`,
      [kind, JSON.stringify(params ?? {}), createdBy],
    );
    const id = (row as { id: number }).id;
    const progress: JobProgress = { done: 0, total: null };
    this.live.set(id, progress);
    const context: JobContext = {
      id,
      progress: (done, total, message) => {
        progress.done = done;
        if (total !== undefined) progress.total = total;
        if (message !== undefined) progress.message = message;
      },
    };
    const done = this.finish(id, kind, progress, work(context));
    // The caller may never await `done`; a failure is recorded on the job, not thrown into the void.
    this.track(done);
    return { id, done };
  }

  /**
   * Runs `followUp` after every job of `kind` that succeeds, with its result (a committed import starts
   * a validation run). The server assembly wires these, so the modules need not know each other.
   */
  onSucceeded(kind: string, followUp: (result: unknown, job: JobView) => Promise<unknown>): void {
    this.followUps.set(kind, [...(this.followUps.get(kind) ?? []), followUp]);
  }

  /** Resolves when no job or follow-up of this runner is still going (the CLI waits before exiting). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
  }

  /**
   * Lets holders of `permission` read every job of `kind` (an import operator sees another's import);
   * anyone else reads only the jobs they started.
   */
  allowReading(kind: string, permission: string): void {
    this.readPermissions.set(kind, permission);
  }

  /** A job the actor may read: their own, or one of a kind their permissions open. */
  mayRead(job: JobView, actor: Actor): boolean {
    if (job.created_by === actor.id) return true;
    const permission = this.readPermissions.get(job.kind);
    return permission !== undefined && actor.permissions.has(permission);
  }

  async get(id: number): Promise<JobView | undefined> {
    const [row] = await this.db.query<JobView>('SELECT * FROM jobs WHERE id = $1', [id]);
    if (!row) return undefined;
    const live = this.live.get(id);
    if (live && row.status === 'running') {
      return { ...row, progress_done: live.done, progress_total: live.total, message: live.message ?? null };
    }
    return row;
  }

  private async finish<T>(id: number, kind: string, progress: JobProgress, work: Promise<T>): Promise<T> {
    try {
      const result = await work;
      await this.db.query(
        `UPDATE jobs SET status = 'succeeded', result = $2, progress_done = $3, progress_total = $4,
           message = $5, finished_at = now() WHERE id = $1`,
        [id, JSON.stringify(result ?? null), progress.done, progress.total, progress.message ?? null],
      );
      const followUps = this.followUps.get(kind) ?? [];
      if (followUps.length > 0) {
        const job = (await this.get(id)) as JobView;
        // A follow-up's failure is its own (a validation run records it on its job), never the finished job's.
        for (const followUp of followUps) this.track(followUp(result, job));
      }
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.db.query(
        `UPDATE jobs SET status = 'failed', error = $2, progress_done = $3, finished_at = now() WHERE id = $1`,
        [id, message, progress.done],
      );
      throw error;
    } finally {
      this.live.delete(id);
    }
  }
}
