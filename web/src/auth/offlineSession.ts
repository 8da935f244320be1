import type { Me } from '../api/types.ts';
import { PERMISSIONS } from './permissions.ts';

const KEY = 'sinergi.field-session';

/**
 * A pilar opens the field app where there is no signal: the server cannot say who is logged in, so the
 * app remembers the last answer for field users only. It only shapes the screen; the server still
 * checks the session cookie on every request once the signal returns.
 */
export function rememberFieldSession(me: Me | null): void {
  if (me?.permissions.includes(PERMISSIONS.pillarsField)) localStorage.setItem(KEY, JSON.stringify(me));
  else localStorage.removeItem(KEY);
}

export function rememberedFieldSession(): Me | null {
  const saved = localStorage.getItem(KEY);
  if (!saved) return null;
  try {
    return JSON.parse(saved) as Me;
  } catch {
    return null;
  }
}

/** At logout the phone keeps no household of the user's (visits not yet sent stay, to be sent later). */
export async function forgetFieldSession(me: Me | null): Promise<void> {
  localStorage.removeItem(KEY);
  if (!me?.permissions.includes(PERMISSIONS.pillarsField)) return;
  const { forgetUser } = await import('../pages/field/offline/store.ts');
  await forgetUser(me.user.id);
}
