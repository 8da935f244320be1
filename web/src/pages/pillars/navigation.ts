import { IconChartBar, IconSchool, IconTarget, IconUsersGroup } from '@tabler/icons-react';
import type { NavGroup } from '../../app/navigation.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';

/** The pillar administration pages: members, quarterly targets, capacity building, evaluation. */
export const PILLARS_NAV: NavGroup = {
  module: 'nav.pillars',
  items: [
    {
      to: '/pillars/members',
      label: 'nav.members',
      icon: IconUsersGroup,
      permission: PERMISSIONS.pillarsRead,
    },
    { to: '/pillars/targets', label: 'nav.targets', icon: IconTarget, permission: PERMISSIONS.pillarsRead },
    { to: '/pillars/events', label: 'nav.events', icon: IconSchool, permission: PERMISSIONS.pillarsRead },
    {
      to: '/pillars/evaluation',
      label: 'nav.evaluation',
      icon: IconChartBar,
      permission: PERMISSIONS.pillarsEvaluation,
    },
  ],
};
