/**
 * The life of a finding. A run opens it; people confirm it (checked, it is a real problem), dismiss
 * it (not a problem: stays dismissed on later runs) or resolve it with an action on the registry;
 * a dismissed finding can be reopened. Resolved is final: if the cause comes back, a run reopens it.
 * Pure: no I/O.
 */
export const FINDING_STATUSES = ['open', 'confirmed', 'dismissed', 'resolved'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export type Transition = 'confirm' | 'dismiss' | 'resolve' | 'reopen';

const TARGET: Record<Transition, FindingStatus> = {
  confirm: 'confirmed',
  dismiss: 'dismissed',
  resolve: 'resolved',
  reopen: 'open',
};

/** The statuses each transition starts from. */
export const ALLOWED_FROM: Record<Transition, readonly FindingStatus[]> = {
  confirm: ['open'],
  dismiss: ['open', 'confirmed'],
  resolve: ['open', 'confirmed'],
  reopen: ['dismissed'],
};

/** The status a transition leads to, or null when it is not allowed from `from`. */
export function nextStatus(from: FindingStatus, transition: Transition): FindingStatus | null {
  return ALLOWED_FROM[transition].includes(from) ? TARGET[transition] : null;
}

/** What resolving does to the registry: a status change, a field correction, or nothing. */
export const RESOLUTION_ACTIONS = [
  'meninggal',
  'ganda',
  'pindah',
  'tidak_layak',
  'tidak_ditemukan',
  'correct',
  'no_change',
] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

export interface Resolution {
  action: ResolutionAction;
  /** For ganda: the record that survives (the finding's `surviving_id` when it has one). */
  related_id?: number;
  /** For correct: the field and its new value (the registry's CORRECTABLE_FIELDS). */
  field?: string;
  value?: string;
}

export const STATUS_LABELS: Record<FindingStatus, { id: string; en: string }> = {
  open: { id: 'terbuka', en: 'open' },
  confirmed: { id: 'dikonfirmasi', en: 'confirmed' },
  dismissed: { id: 'ditolak', en: 'dismissed' },
  resolved: { id: 'selesai', en: 'resolved' },
};
