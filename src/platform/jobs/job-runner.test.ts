import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, consoleActor } from '../actor.ts';
import type { Db } from '../db/index.ts';
import { openTestDb } from '../db/testing.ts';
import { JobRunner } from './job-runner.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const starter = consoleActor('starter', []);
const follower: Actor = { ...consoleActor('follower', ['registry.import']), id: 'user:2' };
const stranger: Actor = { ...consoleActor('stranger', ['registry.read']), id: 'user:3' };

describe('JobRunner', () => {
  it('records the result of finished work, and the error of failed work', async () => {
    const jobs = new JobRunner(db);
    const ok = await jobs.start('import', { period: '2025-Q3' }, starter.id, async (job) => {
      job.progress(5, 10, 'reading');
      return { rows: 10 };
    });
    await ok.done;
    expect(await jobs.get(ok.id)).toMatchObject({
      status: 'succeeded',
      result: { rows: 10 },
      progress_done: 5,
    });
    const failing = await jobs.start('import', {}, starter.id, async () => {
      throw new Error('disk full');
    });
    await expect(failing.done).rejects.toThrow('disk full');
    expect(await jobs.get(failing.id)).toMatchObject({ status: 'failed', error: 'disk full' });
  });

  it('lets the starter and holders of the kind permission read a job, nobody else', async () => {
    const jobs = new JobRunner(db);
    jobs.allowReading('import', 'registry.import');
    const { id, done } = await jobs.start('import', {}, starter.id, async () => null);
    await done;
    const job = await jobs.get(id);
    if (!job) throw new Error('job not recorded');
    expect(jobs.mayRead(job, starter)).toBe(true);
    expect(jobs.mayRead(job, follower)).toBe(true);
    expect(jobs.mayRead(job, stranger)).toBe(false);
    expect(jobs.mayRead({ ...job, kind: 'validation' }, follower)).toBe(false);
  });

  it('runs follow-ups after a succeeded job of their kind, and idle() waits for them', async () => {
    const jobs = new JobRunner(db);
    const followed: unknown[] = [];
    jobs.onSucceeded('import', async (result, job) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      followed.push([result, job.created_by]);
    });
    await (await jobs.start('import', {}, starter.id, async () => ({ status: 'committed' }))).done;
    const failing = await jobs.start('import', {}, starter.id, async () => {
      throw new Error('bad file');
    });
    await expect(failing.done).rejects.toThrow('bad file');
    await (await jobs.start('link', {}, starter.id, async () => 'other kind')).done;
    await jobs.idle();
    expect(followed).toEqual([[{ status: 'committed' }, starter.id]]);
  });
});
