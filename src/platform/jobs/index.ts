export { type JobContext, type JobProgress, JobRunner, type JobView } from './job-runner.ts';
export { jobRoutes } from './jobs.routes.ts';
