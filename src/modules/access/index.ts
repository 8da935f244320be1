export { accessRoutes } from './access.routes.ts';
export { accessHooks } from './access-hooks.ts';
export { authenticator, type LoginSession } from './authenticate.ts';
export { createDemoUsers, DEMO_PASSWORD, demoUsersPresent } from './demo-users.ts';
export { ACCESS_PERMISSIONS, ALL_PERMISSIONS } from './permissions.ts';
export { CSRF_HEADER, LOGIN_POLICY, SESSION_COOKIE, SESSION_POLICY } from './policy.ts';
export { userIdOf } from './resolve-actor.ts';
export { createUser, type NewUser, updateUser } from './users.service.ts';
export { PILLAR_TYPES } from './vocabulary.ts';
