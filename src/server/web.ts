import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The built web app (`npm run build:web`); the same path from src/server and from dist/server. */
export const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

/**
 * Serves the web app at `/`. Paths outside /api that name no file get index.html, so the app's own
 * routes (/registry/households/12) survive a reload; unknown /api paths get a JSON 404.
 */
export const webApp = fp(async (app: FastifyInstance, { root = WEB_DIST }: { root?: string }) => {
  const built = existsSync(join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      setHeaders(reply, path) {
        // Vite names assets by content hash: they never change. index.html must always be asked for again.
        reply.header(
          'cache-control',
          path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    app.log.warn('web/dist is missing: run `npm run build:web` to serve the web app');
  }

  app.setNotFoundHandler((request, reply) => {
    const page = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (page && built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: page
          ? 'Aplikasi web belum dibangun: jalankan `npm run build:web`'
          : `Alamat ${request.method} ${request.url.split('?')[0]} tidak ada`,
        message_en: page
          ? 'The web app is not built: run `npm run build:web`'
          : `No route ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
});
