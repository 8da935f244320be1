import { IconChecklist, IconClipboardCheck, IconMapPin } from '@tabler/icons-react';
import type { NavGroup } from '../../app/navigation.ts';
import { PERMISSIONS } from '../../auth/permissions.ts';

/** Field work: the pilar's own tasks, and the operators' task and change-request queues. */
export const FIELDWORK_NAV: NavGroup = {
  module: 'nav.fieldwork',
  items: [
    { to: '/field', label: 'nav.myTasks', icon: IconMapPin, permission: PERMISSIONS.pillarsField },
    { to: '/pillars/tasks', label: 'nav.tasks', icon: IconChecklist, permission: PERMISSIONS.pillarsTasks },
    {
      to: '/pillars/changes',
      label: 'nav.changeRequests',
      icon: IconClipboardCheck,
      permission: PERMISSIONS.pillarsReview,
    },
  ],
};
