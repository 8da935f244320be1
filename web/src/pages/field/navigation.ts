import type { NavGroup } from '../../app/navigation.ts';

/** Field work: the pilar's own tasks, and the operators' task and change-request queues. */
export const FIELDWORK_NAV: NavGroup = { module: 'nav.fieldwork', items: [] };
