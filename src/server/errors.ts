/**
 * Errors a user can act on. The message is Bahasa Indonesia first; English travels beside it so the
 * web app can show either. Anything else becomes a 500 without its stack trace.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly messageEn?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (message: string, messageEn = 'Not found') =>
  new AppError(404, 'not_found', message, messageEn);

export const badRequest = (message: string, messageEn?: string, details?: unknown) =>
  new AppError(400, 'bad_request', message, messageEn, details);

export const conflict = (message: string, messageEn?: string) =>
  new AppError(409, 'conflict', message, messageEn);
