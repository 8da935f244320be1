/**
 * What a pillar's quarter is measured by. Each metric is counted from recorded work (evaluation.repository.ts);
 * `source` names the work, and a metric whose source module does not exist yet counts 0 with its note.
 */
export const METRICS = {
  households_verified: {
    label: 'Keluarga diverifikasi',
    label_en: 'Households verified',
    source: 'visits: distinct households visited in the quarter',
  },
  findings_resolved: {
    label: 'Temuan diselesaikan',
    label_en: 'Findings resolved',
    source: 'tasks from validation findings closed by the member’s visit (every change request decided)',
  },
  referrals_made: {
    label: 'Rujukan dibuat',
    label_en: 'Referrals made',
    source: 'SLRT referrals',
    pending: {
      id: 'Modul SLRT (rujukan) belum ada; dihitung 0 sampai modul itu tersedia.',
      en: 'The SLRT (referral) module does not exist yet; counts 0 until it does.',
    },
  },
  home_visits_vulnerable: {
    label: 'Kunjungan rumah lansia/disabilitas',
    label_en: 'Home visits to elderly or disabled people',
    source: 'visits to households with a member aged 60 or more or with a disability',
  },
  people_reached_empowerment: {
    label: 'Orang terjangkau kegiatan pemberdayaan',
    label_en: 'People reached by empowerment activities',
    source: 'empowerment activities (interventions)',
    pending: {
      id: 'Pencatatan kegiatan pemberdayaan (modul intervensi) belum ada; dihitung 0 sampai tersedia.',
      en: 'Empowerment activities are not recorded yet (interventions module); counts 0 until they are.',
    },
  },
  events_attended: {
    label: 'Kegiatan peningkatan kapasitas dihadiri',
    label_en: 'Capacity-building events attended',
    source: 'attendance at events the Dinas marked as counting toward targets',
  },
} as const satisfies Record<
  string,
  { label: string; label_en: string; source: string; pending?: { id: string; en: string } }
>;

export type Metric = keyof typeof METRICS;
export const METRIC_CODES = Object.keys(METRICS) as Metric[];

/** A task's status as the server's Indonesian messages name it (the codes are English). */
export const TASK_STATUS_LABELS: Record<string, string> = {
  open: 'terbuka',
  visited: 'dikunjungi',
  closed: 'selesai',
  cancelled: 'dibatalkan',
};

export const TASK_KINDS = ['alive', 'household_exists', 'desil_plausible', 'same_person', 'recheck'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Kinds that ask about one person: the task names them. */
export const PERSON_TASK_KINDS: ReadonlySet<TaskKind> = new Set(['alive', 'same_person']);

export const EVENT_KINDS = ['bimtek', 'dialog', 'fgd'] as const;

export const HOUSEHOLD_CONDITIONS = [
  'layak',
  'kurang_layak',
  'tidak_layak',
  'kosong',
  'tidak_ditemukan',
] as const;
