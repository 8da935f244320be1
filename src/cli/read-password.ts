import { createInterface } from 'node:readline';

/**
 * A password for the CLI: typed twice without echo at a terminal, or the first line of standard input
 * when it is piped (scripts), never an argument (arguments show in `ps` and the shell history).
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const [first, second] = await hiddenLines([`${prompt}: `, 'Ulangi / repeat: ']);
  if (first !== second) throw new Error('Kata sandi tidak sama / the passwords differ');
  return first ?? '';
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/** Reads one line per prompt with echo off; lines typed ahead of their prompt are kept, not lost. */
function hiddenLines(prompts: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    const lines: string[] = [];
    let text = '';
    let afterReturn = false;
    process.stderr.write(prompts[0] ?? '');
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        const newline = ch === '\r' || ch === '\n';
        // A terminal may end a line with \r\n: one line, not an empty one after it.
        if (ch === '\n' && afterReturn) {
          afterReturn = false;
          continue;
        }
        afterReturn = ch === '\r';
        if (ch === '\u0003') process.exit(130);
        if (!newline) {
          text = ch === '\u007f' ? text.slice(0, -1) : text + ch;
          continue;
        }
        lines.push(text);
        text = '';
        process.stderr.write('\n');
        if (lines.length === prompts.length) {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          resolve(lines);
          return;
        }
        process.stderr.write(prompts[lines.length] ?? '');
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
