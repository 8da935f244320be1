/** The server's error body: Bahasa Indonesia message with English beside it. */
export interface ErrorBody {
  error: { code: string; message: string; message_en?: string; details?: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string | undefined,
    readonly details: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent with every write; set from `GET /api/me` and the login response. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Listeners told when the server says the session is gone, so the app can show the login page. */
const unauthenticatedListeners = new Set<() => void>();

export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const method = (rest.method ?? 'GET').toUpperCase();
  if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(method)) headers.set('x-csrf-token', csrfToken);
  const response = await fetch(path, {
    ...rest,
    headers,
    body: json !== undefined ? JSON.stringify(json) : rest.body,
    credentials: 'same-origin',
  });
  if (response.status === 204) return undefined as T;
  const body = response.headers.get('content-type')?.includes('application/json')
    ? await response.json()
    : undefined;
  if (!response.ok) {
    const error = (body as ErrorBody | undefined)?.error;
    if (response.status === 401) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `HTTP ${response.status}`,
      error?.message_en,
      error?.details,
    );
  }
  return body as T;
}

/** Query-string from an object, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
