/**
 * One import in a process of its own, so its peak memory is the import's alone. Prints a JSON line.
 * Usage: tsx bench/import-once.ts FILE PERIOD  (database from SINERGI_DATA_DIR or DATABASE_URL)
 * BENCH_TRACE=1 prints each statement's time on stderr (bench/import-trace.ts).
 */
import { basename } from 'node:path';
import { runImport } from '../src/modules/registry/import/import.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openAppContext } from '../src/server/context.ts';
import { traceDb } from './import-trace.ts';

const [file, period] = process.argv.slice(2) as [string, string];
const context = await openAppContext(loadConfig());
const started = performance.now();
const db = process.env.BENCH_TRACE ? traceDb(context.db) : context.db;
const summary = await runImport(db, {
  path: file,
  fileName: basename(file),
  period,
  createdBy: 'bench',
  kabupatenCode: context.config.kabupatenCode,
});
const seconds = (performance.now() - started) / 1000;
await context.close();
console.log(
  JSON.stringify({
    seconds,
    rows: summary.rowsTotal,
    accepted: summary.rowsAccepted,
    rejected: summary.rowsRejected,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    // The process's CPU over all its threads (parse workers; on PGlite the database too): a figure
    // the machine's other work moves far less than the wall clock.
    cpuSeconds: Number(((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(1)),
  }),
);
