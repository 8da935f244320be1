import type { FindingStatus, Severity } from '../../api/types.ts';

/** The queue's filter, kept in the address so Beranda and a reload can open the same selection. */
export interface FindingFilter {
  rule: string;
  kecamatan: string;
  desa: string;
  severity: Severity | '';
  status: FindingStatus | '';
  /** 'me': assigned to the user. */
  assignee: '' | 'me';
}

const KEYS = ['rule', 'kecamatan', 'desa', 'severity', 'status', 'assignee'] as const;

export function filterFromParams(params: URLSearchParams): FindingFilter {
  const get = (key: string) => params.get(key) ?? '';
  return {
    rule: get('rule'),
    kecamatan: get('kecamatan'),
    desa: get('desa'),
    severity: get('severity') as FindingFilter['severity'],
    status: (params.has('status') ? get('status') : 'open') as FindingFilter['status'],
    assignee: get('assignee') === 'me' ? 'me' : '',
  };
}

/** The address's query for a filter; the default status (open) is left out, "all" is `status=`. */
export function filterToParams(filter: FindingFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    if (key === 'status') {
      if (filter.status !== 'open') params.set('status', filter.status);
    } else if (filter[key]) params.set(key, filter[key]);
  }
  return params;
}

/** The filter as `GET /api/findings` and `POST /api/findings/bulk` name it. */
export function apiFilter(filter: FindingFilter, userId: number | undefined) {
  return {
    rule_id: filter.rule || undefined,
    area: filter.desa || filter.kecamatan || undefined,
    severity: filter.severity || undefined,
    status: filter.status || undefined,
    assignee_user_id: filter.assignee === 'me' ? userId : undefined,
  };
}
