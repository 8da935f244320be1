import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { maskIdentities } from '../../platform/masking.ts';
import { REGISTRY_PERMISSIONS } from '../registry/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route returns full NIK/KK on purpose (reveal) to actors holding `registry.reveal`. */
    revealsIdentity?: boolean;
  }
}

/**
 * What every request passes through: cookies (read before the actor is resolved), security headers,
 * and the masking of NIK and KK in every JSON response for actors who may not see them in full.
 */
export const accessHooks = fp(async (app: FastifyInstance) => {
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      // Offices often reach the server over plain http on their own network; upgrading would break it.
      // blob: shows a photo the field app took before it is sent (it waits on the phone, not on a server).
      directives: { upgradeInsecureRequests: null, imgSrc: ["'self'", 'data:', 'blob:'] },
    },
  });
  app.decorateRequest('loginSession', null);
  app.addHook('preSerialization', async (request, _reply, payload) => {
    const actor = request.actor;
    // Public routes (health, regions) carry no personal data, and their payloads can be large.
    if (request.routeOptions.config?.public) return payload;
    if (actor?.permissions.has(REGISTRY_PERMISSIONS.readIdentity)) return payload;
    const revealing = request.routeOptions.config?.revealsIdentity;
    if (revealing && actor?.permissions.has(REGISTRY_PERMISSIONS.reveal)) return payload;
    return maskIdentities(payload);
  });
});
