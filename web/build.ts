import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const WEB = import.meta.dirname;
const ROOT = join(WEB, '..');
const BUILT = join(WEB, 'dist', 'index.html');
const SOURCES = [
  join(WEB, 'src'),
  join(WEB, 'public'),
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.ts'),
  // The field app checks a visit's answers with the server's own rules before keeping it offline.
  join(ROOT, 'src', 'modules', 'pillars', 'forms.ts'),
  join(ROOT, 'src', 'modules', 'pillars', 'vocabulary.ts'),
];
// Two callers at once (two test files, or a test run beside `npm start`) build once, not over each other.
const LOCK = join(ROOT, 'node_modules', '.cache', 'sinergi-web-build.lock');

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

function lockHolderAlive(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    // The holder made the folder a moment ago and is writing its pid, or died in between (or the
    // lock is already gone, which the next attempt finds).
    try {
      return Date.now() - statSync(LOCK).mtimeMs < 10_000;
    } catch {
      return true;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Builds the web app when it is stale; returns whether it built. */
export async function buildWebIfStale(): Promise<boolean> {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      // Another process is building; a lock whose process is gone was left by a killed build.
      if (!lockHolderAlive()) rmSync(LOCK, { recursive: true, force: true });
      else await sleep(250);
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
