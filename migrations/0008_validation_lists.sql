-- External lists the registry is checked against: a Dukcapil-style death register and a list of
-- civil servants, soldiers and police (ASN/TNI/Polri). Each import is one row here; a new import of
-- a kind replaces the previous one, which stays for history (replaced_by).
CREATE TABLE external_lists (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('death', 'asn')),
  job_id bigint REFERENCES jobs (id),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'committed', 'failed')),
  rows_total integer NOT NULL DEFAULT 0,
  rows_accepted integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  error text,
  replaced_by bigint REFERENCES external_lists (id),
  created_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- At most one current list of each kind.
CREATE UNIQUE INDEX external_lists_current_idx ON external_lists (kind)
  WHERE status = 'committed' AND replaced_by IS NULL;

-- One row per death certificate (akta kematian).
CREATE TABLE death_register_entries (
  list_id bigint NOT NULL REFERENCES external_lists (id),
  line_no integer NOT NULL,
  certificate_no text NOT NULL,
  nik text,
  name text NOT NULL,
  sex text CHECK (sex IN ('L', 'P')),
  birth_place text,
  birth_date date,
  death_date date NOT NULL,
  desa_code text,
  mother_name text,
  PRIMARY KEY (list_id, line_no),
  UNIQUE (list_id, certificate_no)
);

-- One row per civil servant (NIP) or soldier/police officer (NRP).
CREATE TABLE asn_list_entries (
  list_id bigint NOT NULL REFERENCES external_lists (id),
  line_no integer NOT NULL,
  nip text NOT NULL,
  nik text,
  name text NOT NULL,
  birth_date date,
  sex text CHECK (sex IN ('L', 'P')),
  staff_kind text NOT NULL CHECK (staff_kind IN ('PNS', 'PPPK', 'TNI', 'POLRI')),
  agency text,
  position text,
  PRIMARY KEY (list_id, line_no),
  -- TNI and Polri number their people separately, as PNS and PPPK do.
  UNIQUE (list_id, staff_kind, nip)
);

CREATE TABLE external_list_rejects (
  list_id bigint NOT NULL REFERENCES external_lists (id),
  line_no integer NOT NULL,
  raw jsonb NOT NULL,
  -- [{ "field": "nik", "code": "nik_format", "message": "...", "message_en": "..." }, ...]
  reasons jsonb NOT NULL,
  PRIMARY KEY (list_id, line_no)
);

-- People's decisions on a pair of registry people found as possible duplicates: the same person or
-- not. Append-only: a later decision on the same pair supersedes an earlier one, which stays.
-- The linkage engine takes the latest decision of each pair as input on every run.
CREATE TABLE pair_decisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_a bigint NOT NULL REFERENCES persons (id),
  person_b bigint NOT NULL REFERENCES persons (id),
  same boolean NOT NULL,
  reason text,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK (person_a < person_b)
);
CREATE INDEX pair_decisions_pair_idx ON pair_decisions (person_a, person_b, id);
