/** The task list's filter, kept in the address so a list can be shared and survives a reload. */
export interface TaskFilter {
  status: string;
  kind: string;
  overdue: boolean;
  unassigned: boolean;
}

export const TASK_STATUSES = ['open', 'visited', 'closed', 'cancelled'] as const;

export function filterFromParams(params: URLSearchParams): TaskFilter {
  return {
    status: params.get('status') ?? 'open',
    kind: params.get('kind') ?? '',
    overdue: params.get('overdue') === 'true',
    unassigned: params.get('unassigned') === 'true',
  };
}

export function filterToParams(filter: TaskFilter): URLSearchParams {
  const params = new URLSearchParams();
  params.set('status', filter.status);
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.overdue) params.set('overdue', 'true');
  if (filter.unassigned) params.set('unassigned', 'true');
  return params;
}

/** The query the API takes; "all" statuses is no status. */
export function apiQuery(filter: TaskFilter) {
  return {
    status: filter.status === 'all' ? undefined : filter.status,
    kind: filter.kind || undefined,
    overdue: filter.overdue ? 'true' : undefined,
    unassigned: filter.unassigned ? 'true' : undefined,
  };
}
