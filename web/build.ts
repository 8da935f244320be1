import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const WEB = import.meta.dirname;
const ROOT = join(WEB, '..');
const BUILT = join(WEB, 'dist', 'index.html');
const SOURCES = [join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts')];
// Two callers at once (two test files, or a test run beside `npm start`) build once, not over each other.
const LOCK = join(ROOT, 'node_modules', '.cache', 'sinergi-web-build.lock');
const LOCK_GIVE_UP_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** web/dist is missing or older than a web source. */
export function webBuildIsStale(): boolean {
  let built: number;
  try {
    built = statSync(BUILT).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((source) => newestMtime(source) > built);
}

function runViteBuild(): Promise<void> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
}

/** Builds the web app when it is stale; returns whether it built. */
export async function buildWebIfStale(): Promise<boolean> {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another process is building; a lock older than any build is left over from a killed one.
      if (Date.now() - started > LOCK_GIVE_UP_MS) rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (!webBuildIsStale()) return false;
    await runViteBuild();
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
