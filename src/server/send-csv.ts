import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Sends a CSV produced page by page. The first chunk is pulled before any header is written, so an
 * access or not-found error still becomes a proper JSON error response.
 */
export async function sendCsv(reply: FastifyReply, fileName: string, body: AsyncIterable<string>) {
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`);
  return reply.send(Readable.from(rest(first.done ? undefined : first.value, iterator)));
}

async function* rest(first: string | undefined, iterator: AsyncIterator<string>): AsyncIterable<string> {
  if (first !== undefined) yield first;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}
