import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../platform/actor.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route anyone may call without logging in (health, login, public reference data). */
    public?: boolean;
  }
  interface FastifyRequest {
    /** Who is asking; every service method receives it and checks it first. */
    actor: Actor;
  }
}

export type Authenticate = (request: FastifyRequest) => Promise<Actor>;

/** Resolves the actor of every /api request before its route runs. */
export const actorHook = fp(
  async (app: FastifyInstance, { authenticate }: { authenticate: Authenticate }) => {
    app.decorateRequest('actor', null as unknown as Actor);
    app.addHook('onRequest', async (request) => {
      // The API documentation is public, like the health check and the web app's own files.
      const open = !request.url.startsWith('/api/') || request.url.startsWith('/api/docs');
      if (open || request.routeOptions.config?.public) return;
      request.actor = await authenticate(request);
    });
  },
);
