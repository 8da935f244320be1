import { userInfo } from 'node:os';
import { ALL_PERMISSIONS } from '../modules/access/index.ts';
import { type Actor, consoleActor } from '../platform/actor.ts';

/** Whoever runs the CLI on the server's own machine already holds the database: every permission. */
export function cliActor(): Actor {
  return consoleActor(userInfo().username, ALL_PERMISSIONS);
}
