import type { pillarsId } from './pillars.id.ts';

/** English twin of pillars.id.ts (the type checks the keys). */
export const pillarsEn: typeof pillarsId = {};
