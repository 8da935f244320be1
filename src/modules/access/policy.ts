/** How long sessions last and how hard login is to guess; docs/security.md states the same numbers. */
export const SESSION_POLICY = {
  /** A session ends after this long without a request. */
  idleSeconds: 30 * 60,
  /** ... and this long after login, however busy. */
  absoluteSeconds: 12 * 60 * 60,
  /** last_seen_at is written at most this often, not on every request. */
  touchSeconds: 60,
} as const;

export const LOGIN_POLICY = {
  /** Wrong passwords in a row that lock an account ... */
  maxFailures: 5,
  /** ... for this long. */
  lockoutSeconds: 15 * 60,
  /** Login attempts one IP address may make per minute, whatever the accounts. */
  attemptsPerMinutePerIp: 20,
} as const;

export const SESSION_COOKIE = 'sinergi_session';
export const CSRF_HEADER = 'x-csrf-token';
