import type { fieldworkId } from './fieldwork.id.ts';

/** English twin of fieldwork.id.ts (the type checks the keys). */
export const fieldworkEn: typeof fieldworkId = {};
