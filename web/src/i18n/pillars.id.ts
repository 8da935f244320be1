/** Bahasa Indonesia for the pillar administration pages (members, targets, events, evaluation). */
export const pillarsId = {};
