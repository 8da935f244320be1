-- Social pillars (pilar-pilar sosial): members and their areas, quarterly targets, field tasks,
-- offline visits and the change requests they produce, capacity-building events.

-- Pillar types are data: a district adds its own with one row. The nine national types are seeded;
-- users.pillar_type names one of these codes.
CREATE TABLE pillar_types (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label text NOT NULL,
  label_en text NOT NULL,
  -- LKS and Karang Taruna members belong to an organisation, which is then required.
  has_organisation boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 100
);
INSERT INTO pillar_types (code, label, label_en, has_organisation, sort_order) VALUES
  ('pkh', 'Pendamping PKH', 'PKH facilitator', false, 1),
  ('tksk', 'TKSK', 'District social welfare worker (TKSK)', false, 2),
  ('pendamping_rehsos', 'Pendamping Rehabilitasi Sosial', 'Social rehabilitation facilitator', false, 3),
  ('tagana', 'Tagana', 'Disaster response volunteer (Tagana)', false, 4),
  ('pordam', 'Pordam', 'Pordam', false, 5),
  ('slrt', 'Fasilitator SLRT', 'SLRT facilitator', false, 6),
  ('psm', 'PSM', 'Community social worker (PSM)', false, 7),
  ('lks', 'LKS', 'Social welfare institution (LKS)', true, 8),
  ('karang_taruna', 'Karang Taruna', 'Karang Taruna youth organisation', true, 9);

CREATE TABLE pillar_members (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  nik text CHECK (nik ~ '^[0-9]{16}$'),
  phone text,
  pillar_type text NOT NULL REFERENCES pillar_types (code),
  organisation text,
  active_from date NOT NULL,
  active_until date CHECK (active_until IS NULL OR active_until >= active_from),
  -- Their login: a user with the pilar role, scoped to the same areas.
  user_id bigint UNIQUE REFERENCES users (id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pillar_members_type_idx ON pillar_members (pillar_type);
CREATE UNIQUE INDEX pillar_members_nik_idx ON pillar_members (nik) WHERE nik IS NOT NULL;

-- A desa or kecamatan code; a kecamatan stands for all its desa.
CREATE TABLE pillar_member_areas (
  member_id bigint NOT NULL REFERENCES pillar_members (id),
  region_code text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (member_id, region_code)
);
CREATE INDEX pillar_member_areas_region_idx ON pillar_member_areas (region_code);

-- A target for one member, or for a pillar type in an area (the group's total), per quarter and metric.
CREATE TABLE pillar_targets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  metric text NOT NULL,
  member_id bigint REFERENCES pillar_members (id),
  pillar_type text REFERENCES pillar_types (code),
  -- With pillar_type: a kecamatan or desa, or NULL for the whole district.
  area_code text REFERENCES regions (code),
  target integer NOT NULL CHECK (target >= 0),
  set_by text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((member_id IS NULL) <> (pillar_type IS NULL)),
  CHECK (member_id IS NULL OR area_code IS NULL)
);
CREATE UNIQUE INDEX pillar_targets_key_idx
  ON pillar_targets (quarter, metric, coalesce(member_id, 0), coalesce(pillar_type, ''), coalesce(area_code, ''));

-- A verification task for one household (and, for person questions, one of its people).
CREATE TABLE pillar_tasks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('alive', 'household_exists', 'desil_plausible', 'same_person', 'recheck')),
  source text NOT NULL CHECK (source IN ('finding', 'household', 'operator')),
  -- The validation finding it came from (source = finding).
  finding_id bigint,
  household_id bigint NOT NULL REFERENCES households (id),
  person_id bigint REFERENCES persons (id),
  -- same_person: the other record, which survives when the visit says they are one person.
  related_person_id bigint REFERENCES persons (id),
  desa_code text NOT NULL REFERENCES regions (code),
  question text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'visited', 'closed', 'cancelled')),
  member_id bigint REFERENCES pillar_members (id),
  assigned_at timestamptz,
  due_date date,
  -- The records' values and updated_at when the task was made: a change since then is a conflict.
  baseline jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closed_by_member_id bigint REFERENCES pillar_members (id)
);
CREATE INDEX pillar_tasks_member_idx ON pillar_tasks (member_id, status);
CREATE INDEX pillar_tasks_desa_idx ON pillar_tasks (desa_code, status);
CREATE INDEX pillar_tasks_household_idx ON pillar_tasks (household_id);
CREATE UNIQUE INDEX pillar_tasks_finding_idx ON pillar_tasks (finding_id) WHERE finding_id IS NOT NULL AND status <> 'cancelled';

-- Every assignment and reassignment, with who and why.
CREATE TABLE pillar_task_assignments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES pillar_tasks (id),
  member_id bigint NOT NULL REFERENCES pillar_members (id),
  previous_member_id bigint REFERENCES pillar_members (id),
  due_date date,
  automatic boolean NOT NULL,
  reason text,
  assigned_by text NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pillar_task_assignments_task_idx ON pillar_task_assignments (task_id);

-- A visit; its id is made by the field app, so a resend finds the visit already there.
CREATE TABLE pillar_visits (
  id uuid PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES pillar_tasks (id),
  member_id bigint NOT NULL REFERENCES pillar_members (id),
  household_id bigint NOT NULL REFERENCES households (id),
  desa_code text NOT NULL REFERENCES regions (code),
  started_at timestamptz,
  visited_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  answers jsonb NOT NULL,
  notes text,
  condition text,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  accuracy_m double precision,
  photo_file text,
  photo_type text,
  photo_bytes integer,
  -- Home visit to a household with an elderly or disabled member (a target metric), fixed at receipt.
  vulnerable_household boolean NOT NULL DEFAULT false,
  -- The body answered the first time, answered again to a resend.
  response jsonb NOT NULL,
  created_by text NOT NULL
);
CREATE INDEX pillar_visits_member_idx ON pillar_visits (member_id, visited_at);
CREATE INDEX pillar_visits_task_idx ON pillar_visits (task_id);
CREATE INDEX pillar_visits_visited_idx ON pillar_visits (visited_at);

-- A change a visit proposes to the registry; the Dinas or the desa operator decides.
CREATE TABLE pillar_change_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visit_id uuid NOT NULL REFERENCES pillar_visits (id),
  task_id bigint NOT NULL REFERENCES pillar_tasks (id),
  subject_type text NOT NULL CHECK (subject_type IN ('household', 'person')),
  subject_id bigint NOT NULL,
  desa_code text NOT NULL REFERENCES regions (code),
  kind text NOT NULL CHECK (kind IN ('status', 'correction')),
  -- status: the new status (and related_id for ganda); correction: the field and value.
  new_status text,
  related_id bigint,
  field text,
  value text,
  reason text NOT NULL,
  -- The field's (or status') value and the record's updated_at when the task was made.
  baseline_value text,
  baseline_updated_at timestamptz,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  conflict jsonb,
  decided_by text,
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pillar_change_requests_state_idx ON pillar_change_requests (state, desa_code);
CREATE INDEX pillar_change_requests_task_idx ON pillar_change_requests (task_id);

-- Capacity building: bimtek, dialog, FGD.
CREATE TABLE pillar_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('bimtek', 'dialog', 'fgd')),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  event_date date NOT NULL,
  place text NOT NULL,
  agenda text,
  invited_types text[] NOT NULL,
  counts_toward_targets boolean NOT NULL DEFAULT false,
  -- [{ "title": ..., "url": ... }]
  materials jsonb NOT NULL DEFAULT '[]',
  -- Signs QR check-in tokens of this event; never leaves the server.
  checkin_secret text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pillar_events_date_idx ON pillar_events (event_date);

CREATE TABLE pillar_event_attendance (
  event_id bigint NOT NULL REFERENCES pillar_events (id),
  member_id bigint NOT NULL REFERENCES pillar_members (id),
  method text NOT NULL CHECK (method IN ('list', 'qr')),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, member_id)
);
CREATE INDEX pillar_event_attendance_member_idx ON pillar_event_attendance (member_id);

INSERT INTO role_permissions (role, permission) VALUES
  ('admin', 'pillars.read'),
  ('admin', 'pillars.manage'),
  ('operator_kabupaten', 'pillars.read'),
  ('operator_kabupaten', 'pillars.manage'),
  ('operator_kabupaten', 'pillars.tasks'),
  ('operator_kabupaten', 'pillars.review'),
  ('operator_kabupaten', 'pillars.evaluation'),
  ('operator_desa', 'pillars.tasks'),
  ('operator_desa', 'pillars.review'),
  ('pilar', 'pillars.field'),
  ('pimpinan', 'pillars.evaluation');
