import { userInfo } from 'node:os';
import { REGISTRY_PERMISSIONS } from '../modules/registry/index.ts';
import { type Actor, consoleActor } from '../platform/actor.ts';

/** Whoever runs the CLI on the server's own machine already holds the database: every permission. */
export function cliActor(): Actor {
  return consoleActor(userInfo().username, Object.values(REGISTRY_PERMISSIONS));
}
