import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../server/app.ts';
import { fieldRoutes } from './field.routes.ts';
import { memberRoutes } from './members.routes.ts';

export { createDemoPillars } from './demo-pillars.ts';
export { PILLARS_PERMISSIONS } from './permissions.ts';
export { createHouseholdTasks } from './tasks.service.ts';

export async function pillarRoutes(app: FastifyInstance, context: AppContext) {
  await memberRoutes(app, context);
  await fieldRoutes(app, context);
}
