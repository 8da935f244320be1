import type { NavGroup } from '../../app/navigation.ts';

/** The pillar administration pages: members, quarterly targets, capacity building, evaluation. */
export const PILLARS_NAV: NavGroup = { module: 'nav.pillars', items: [] };
