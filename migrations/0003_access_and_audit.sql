-- Roles and their permissions are data: the one access check reads them, admins can see them.
CREATE TABLE roles (
  name text PRIMARY KEY,
  label text NOT NULL,
  label_en text NOT NULL,
  -- Scoped roles read personal data only within their users' assigned desa/kecamatan.
  scoped boolean NOT NULL
);

CREATE TABLE role_permissions (
  role text NOT NULL REFERENCES roles (name),
  permission text NOT NULL,
  PRIMARY KEY (role, permission)
);

INSERT INTO roles (name, label, label_en, scoped) VALUES
  ('admin', 'Admin sistem', 'System administrator', false),
  ('operator_kabupaten', 'Operator Dinsos kabupaten', 'District social office operator', false),
  ('operator_desa', 'Operator desa/kelurahan', 'Village operator', true),
  ('pilar', 'Pilar sosial', 'Social pillar', true),
  ('slrt', 'Petugas SLRT/Puskesos', 'SLRT/Puskesos desk', true),
  ('opd', 'Mitra OPD', 'Partner agency', false),
  ('pimpinan', 'Pimpinan (Bupati, Kepala Dinas)', 'Leadership (Regent, Head of Office)', false),
  ('auditor', 'Auditor', 'Auditor', false);

INSERT INTO role_permissions (role, permission) VALUES
  ('admin', 'access.manage_users'),
  ('admin', 'registry.aggregates'),
  ('operator_kabupaten', 'registry.read'),
  ('operator_kabupaten', 'registry.read_identity'),
  ('operator_kabupaten', 'registry.change_status'),
  ('operator_kabupaten', 'registry.import'),
  ('operator_kabupaten', 'registry.aggregates'),
  ('operator_desa', 'registry.read'),
  ('operator_desa', 'registry.reveal'),
  ('operator_desa', 'registry.aggregates'),
  ('pilar', 'registry.read'),
  ('pilar', 'registry.reveal'),
  ('pilar', 'registry.aggregates'),
  ('slrt', 'registry.read'),
  ('slrt', 'registry.reveal'),
  ('slrt', 'registry.aggregates'),
  ('opd', 'registry.aggregates'),
  ('pimpinan', 'registry.aggregates'),
  ('auditor', 'audit.read');

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
  full_name text NOT NULL CHECK (length(trim(full_name)) > 0),
  role text NOT NULL REFERENCES roles (name),
  password_hash text NOT NULL,
  -- PKH, TKSK, Tagana, ... for a pilar; the agency for an OPD partner.
  pillar_type text,
  agency text,
  active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A desa or kecamatan code; a kecamatan stands for all its desa.
CREATE TABLE user_areas (
  user_id bigint NOT NULL REFERENCES users (id),
  region_code text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (user_id, region_code)
);

-- Server-side sessions; only the SHA-256 of the cookie's token is kept.
CREATE TABLE sessions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id bigint NOT NULL REFERENCES users (id),
  csrf_token text NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Machine clients: a token belongs to a user and carries a subset of the user's permissions.
CREATE TABLE api_tokens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  token_hash text NOT NULL UNIQUE,
  permissions text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Who did what, when, from where, with before/after of every write to personal data.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text,
  actor_name text NOT NULL,
  actor_role text,
  ip text,
  action text NOT NULL,
  subject_type text,
  subject_id text,
  desa_code text,
  before jsonb,
  after jsonb,
  details jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, id);

-- Append-only: the database itself refuses to change or remove an audit row.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
