-- Field corrections to registry records (a wrong birth date, a re-checked desil), made by resolving a
-- validation finding or approving a pillar's visit; like status changes, they keep who, when and why.
CREATE TABLE record_corrections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_type text NOT NULL CHECK (subject_type IN ('household', 'person')),
  subject_id bigint NOT NULL,
  field text NOT NULL,
  old_value text,
  new_value text,
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_corrections_subject ON record_corrections (subject_type, subject_id);

-- A record set to `ganda` points at the record that survives.
ALTER TABLE status_history ADD COLUMN related_id bigint;

INSERT INTO role_permissions (role, permission) VALUES ('operator_kabupaten', 'registry.correct');
