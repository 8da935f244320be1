import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The QR code shown at an event: `<event id>.<expiry, unix seconds>.<HMAC-SHA256>`, signed with the
 * event's own secret, so a pillar can check in only at (a screen of) that event and only until it ends.
 */
export function signCheckin(eventId: number, expiresAt: Date, secret: string): string {
  const payload = `${eventId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** The event id a token names, without trusting it yet (the secret is looked up by it). */
export function eventIdOf(token: string): number | null {
  const match = /^(\d{1,15})\.\d{1,12}\.[A-Za-z0-9_-]{43}$/.exec(token);
  return match ? Number(match[1]) : null;
}

export function verifyCheckin(token: string, secret: string, now: Date): 'ok' | 'invalid' | 'expired' {
  const parts = token.split('.');
  if (parts.length !== 3) return 'invalid';
  const expected = Buffer.from(mac(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2] as string);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return Number(parts[1]) * 1000 < now.getTime() ? 'expired' : 'ok';
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
