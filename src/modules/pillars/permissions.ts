/** Permissions the pillars module checks; migrations/0005_pillars.sql grants them to roles. */
export const PILLARS_PERMISSIONS = {
  /** See pillar types, members (NIK masked unless registry.read_identity), targets and events. */
  read: 'pillars.read',
  /** Add and change members, targets and events. */
  manage: 'pillars.manage',
  /** Create verification tasks, assign and reassign them, read tasks of the area. */
  tasks: 'pillars.tasks',
  /** Approve or reject the change requests visits produce, in the area. */
  review: 'pillars.review',
  /** Field work as a pillar: one's own tasks, visits, event check-in. */
  field: 'pillars.field',
  /** The quarterly evaluation: targets against achievement, visit quality. */
  evaluation: 'pillars.evaluation',
} as const;
