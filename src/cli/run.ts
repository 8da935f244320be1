import type { Command } from 'commander';
import { AppError } from '../server/errors.ts';

/** Runs the CLI; a user's mistake prints its message (Bahasa Indonesia, then English), not a stack. */
export async function runCli(program: Command): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`Galat: ${error.message}`);
      if (error.messageEn) console.error(`Error: ${error.messageEn}`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
