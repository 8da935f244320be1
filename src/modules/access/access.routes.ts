import type { FastifyInstance } from 'fastify';
import { systemClock } from '../../platform/clock.ts';
import type { AppContext } from '../../server/app.ts';
import { authRoutes } from './auth.routes.ts';
import { revealRoutes } from './reveal.routes.ts';
import { tokenRoutes } from './tokens.routes.ts';
import { userRoutes } from './users.routes.ts';

export async function accessRoutes(app: FastifyInstance, context: AppContext) {
  const deps = {
    db: context.db,
    clock: context.clock ?? systemClock,
    kabupatenCode: context.config.kabupatenCode,
  };
  // Its own plugin context, so the login rate limiter stays with the login route.
  await app.register(authRoutes, deps);
  await userRoutes(app, deps);
  await tokenRoutes(app, deps);
  await revealRoutes(app, deps);
}
