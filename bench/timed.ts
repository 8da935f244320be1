export interface Timed<T> {
  result: T;
  /** Wall clock. */
  seconds: number;
  /** The process's CPU time: on PGlite it is the database's work too, the steadier figure on a shared machine. */
  cpu: number;
}

export async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

/** "seconds | CPU seconds", the two cells of a results table row. */
export const row = (t: Timed<unknown>) => `${t.seconds.toFixed(1)} | ${t.cpu.toFixed(1)}`;
