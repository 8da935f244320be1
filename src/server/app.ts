import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { accessHooks, accessRoutes } from '../modules/access/index.ts';
import { pillarRoutes } from '../modules/pillars/index.ts';
import { regionRoutes } from '../modules/regions/index.ts';
import { registryRoutes } from '../modules/registry/index.ts';
import { validationRoutes } from '../modules/validation/index.ts';
import { auditRoutes } from '../platform/audit/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import { type JobRunner, jobRoutes } from '../platform/jobs/index.ts';
import { type Authenticate, actorHook } from './actor-hook.ts';
import { errorHandler } from './error-handler.ts';
import { webApp } from './web.ts';

export interface AppContext {
  db: Db;
  config: Config;
  jobs: JobRunner;
  /** Turns a request into its actor, or throws 401. */
  authenticate: Authenticate;
  /** The time sessions and lockouts are measured against; tests move it instead of sleeping. */
  clock?: Clock;
}

/** Assembles the HTTP server: plugins, error handling, OpenAPI and every module's routes. */
export async function buildApp(
  context: AppContext,
  options: { logger?: boolean; onRoute?: (route: RouteOptions) => void } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Quarterly files are large; the upload streams to disk, so the limit is about disk, not memory.
    bodyLimit: 10 * 1024 * 1024,
    // Behind a reverse proxy: believe its X-Forwarded-* for the client IP and https.
    trustProxy: context.config.trustProxy ?? false,
  });
  // Sees every route as it is added (the area-leak test walks them all).
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setErrorHandler(errorHandler);
  await app.register(multipart, { limits: { fileSize: 2 * 1024 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Sinergi API',
        version: '0.1.0',
        description: 'Dinas Sosial data and coordination platform',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(accessHooks);
  await app.register(actorHook, { authenticate: context.authenticate });

  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['platform'], summary: 'Liveness and database check' } },
    async () => {
      await context.db.query('SELECT 1');
      return { status: 'ok', engine: context.db.engine, kabupaten: context.config.kabupatenCode };
    },
  );
  await app.register(regionRoutes, context);
  await app.register(registryRoutes, context);
  await app.register(accessRoutes, context);
  await app.register(auditRoutes, context);
  await app.register(validationRoutes, context);
  await app.register(pillarRoutes, context);
  await app.register(jobRoutes, context);
  await app.register(webApp);
  return app;
}
