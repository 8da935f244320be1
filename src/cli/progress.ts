import { SingleBar } from 'cli-progress';

const PHASE_LABELS: Record<string, string> = {
  reading: 'membaca  ',
  checking: 'memeriksa',
  committing: 'menyimpan',
  generating: 'membuat  ',
  importing: 'mengimpor',
};

/** A progress bar on stderr that follows phases (reading, checking, committing, ...). */
export function phaseBar() {
  const bar = new SingleBar({
    format: '{phase} [{bar}] {percentage}% | {value}/{total}',
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: Boolean(process.env.SINERGI_PROGRESS),
    notTTYSchedule: 5000,
  });
  let current: string | undefined;
  return {
    update(phase: string, done: number, total: number) {
      if (phase !== current) {
        if (current) bar.stop();
        bar.start(total, done, { phase: PHASE_LABELS[phase] ?? phase });
        current = phase;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (current) bar.stop();
      current = undefined;
    },
  };
}
