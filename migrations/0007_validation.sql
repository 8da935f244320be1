-- Validation: runs of the rules, the findings they produce, and every decision taken on a finding.

-- One run of the rules over the district (scope NULL) or some desa; a job carries its progress.
CREATE TABLE validation_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id bigint REFERENCES jobs (id),
  scope text[],
  trigger text NOT NULL CHECK (trigger IN ('manual', 'import')),
  import_id bigint REFERENCES imports (id),
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  -- Per rule: [{ "rule_id", "found", "opened", "reopened", "closed", "ms" }, ...]
  rules jsonb NOT NULL DEFAULT '[]',
  error text,
  created_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- One run at a time: two would race to open and close the same findings.
CREATE UNIQUE INDEX validation_runs_one_running_idx ON validation_runs ((status)) WHERE status = 'running';

-- A finding is identified by rule, subject and key: a re-run finds the same row again.
CREATE TABLE findings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_id text NOT NULL,
  subject_type text NOT NULL CHECK (subject_type IN ('household', 'person')),
  subject_id bigint NOT NULL,
  key text NOT NULL,
  -- The subject's desa when last found: what area scope is checked against.
  desa_code text NOT NULL REFERENCES regions (code),
  severity text NOT NULL CHECK (severity IN ('tinggi', 'sedang', 'rendah')),
  evidence jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed', 'resolved')),
  -- How it was resolved: a registry action ('meninggal', 'ganda', 'pindah', 'tidak_layak', 'correct'),
  -- 'no_change', or 'cause_gone' when a run no longer found its cause.
  resolution jsonb,
  assignee_user_id bigint REFERENCES users (id),
  -- A pillar's field-verification task (pillars module); no foreign key, that table is theirs.
  task_id bigint,
  first_run_id bigint REFERENCES validation_runs (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Set when the status last changed to resolved (the Berita Acara lists a period's resolutions).
  resolved_at timestamptz
);
CREATE UNIQUE INDEX findings_identity_idx ON findings (rule_id, subject_type, subject_id, key);
CREATE INDEX findings_desa_status_idx ON findings (desa_code, status, rule_id);
CREATE INDEX findings_rule_status_idx ON findings (rule_id, status);
CREATE INDEX findings_subject_idx ON findings (subject_type, subject_id);
CREATE INDEX findings_resolved_idx ON findings (resolved_at) WHERE resolved_at IS NOT NULL;

-- Everything that happened to a finding after it was opened, with who, when and why.
CREATE TABLE finding_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  finding_id bigint NOT NULL REFERENCES findings (id),
  kind text NOT NULL CHECK (kind IN ('status', 'comment', 'assign', 'task')),
  from_status text,
  to_status text,
  -- The reason of a status change, or the comment's text.
  text text,
  details jsonb,
  actor_id text NOT NULL,
  actor_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX finding_events_finding_idx ON finding_events (finding_id, id);

INSERT INTO role_permissions (role, permission) VALUES
  ('operator_kabupaten', 'validation.read'),
  ('operator_kabupaten', 'validation.resolve'),
  ('operator_kabupaten', 'validation.bulk'),
  ('operator_kabupaten', 'validation.run'),
  ('operator_kabupaten', 'validation.import_lists'),
  ('operator_kabupaten', 'validation.aggregates'),
  ('operator_desa', 'validation.read'),
  ('operator_desa', 'validation.resolve'),
  ('operator_desa', 'validation.aggregates'),
  ('pilar', 'validation.read'),
  ('pilar', 'validation.aggregates'),
  ('pimpinan', 'validation.aggregates'),
  ('auditor', 'validation.aggregates');
