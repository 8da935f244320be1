import {
  IconAlertTriangle,
  IconArrowsDiff,
  IconCopy,
  IconHome,
  IconKey,
  IconListDetails,
  IconSearch,
  IconUpload,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { PERMISSIONS } from '../auth/permissions.ts';
import { FIELDWORK_NAV } from '../pages/field/navigation.ts';
import { PILLARS_NAV } from '../pages/pillars/navigation.ts';

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** Shown only to users holding this permission; absent for pages every user has. */
  permission?: string;
}

export interface NavGroup {
  /** i18n key of the module's name. */
  module: string;
  items: NavItem[];
}

/** Navigation by module. */
export const NAVIGATION: NavGroup[] = [
  { module: 'nav.overview', items: [{ to: '/', label: 'nav.home', icon: IconHome }] },
  {
    module: 'nav.registry',
    items: [{ to: '/registry', label: 'nav.search', icon: IconSearch, permission: PERMISSIONS.read }],
  },
  {
    module: 'nav.validation',
    items: [
      {
        to: '/findings',
        label: 'nav.findings',
        icon: IconAlertTriangle,
        permission: PERMISSIONS.findingsRead,
      },
      { to: '/duplicates', label: 'nav.duplicates', icon: IconCopy, permission: PERMISSIONS.findingsRead },
    ],
  },
  FIELDWORK_NAV,
  PILLARS_NAV,
  {
    module: 'nav.data',
    items: [
      { to: '/imports', label: 'nav.imports', icon: IconUpload, permission: PERMISSIONS.import },
      { to: '/diff', label: 'nav.diff', icon: IconArrowsDiff, permission: PERMISSIONS.aggregates },
    ],
  },
  {
    module: 'nav.admin',
    items: [
      { to: '/users', label: 'nav.users', icon: IconUsers, permission: PERMISSIONS.manageUsers },
      { to: '/audit', label: 'nav.audit', icon: IconListDetails, permission: PERMISSIONS.auditRead },
    ],
  },
  // Every user may make tokens with the permissions they hold.
  { module: 'nav.account', items: [{ to: '/tokens', label: 'nav.tokens', icon: IconKey }] },
];
