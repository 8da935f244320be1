import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

interface ErrorBody {
  error: { code: string; message: string; message_en?: string; details?: unknown };
}

/** Turns every error into a JSON body a person can read; never a stack trace. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: error.message,
        message_en: error.messageEn,
        details: error.details,
      },
    };
    return reply.status(error.statusCode).send(body);
  }
  if (error.validation) {
    const details = error.validation.map((issue) => ({
      field:
        issue.instancePath.replace(/^\//, '') ||
        (issue.params as { missingProperty?: string }).missingProperty,
      reason: issue.message,
    }));
    return reply.status(400).send({
      error: {
        code: 'invalid_request',
        message: `Permintaan tidak valid (${error.validationContext}): ${error.message}`,
        message_en: `Invalid request (${error.validationContext}): ${error.message}`,
        details,
      },
    } satisfies ErrorBody);
  }
  if (error.statusCode && error.statusCode < 500) {
    return reply.status(error.statusCode).send({
      error: { code: error.code ?? 'bad_request', message: error.message },
    } satisfies ErrorBody);
  }
  request.log.error(error);
  return reply.status(500).send({
    error: {
      code: 'internal',
      message: 'Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.',
      message_en: 'Server error. Try again or contact the administrator.',
    },
  } satisfies ErrorBody);
}
