-- A task's baseline (the household's and its members' values when the task was made) is kept once
-- per household and insert, shared by that household's tasks: the open findings of a district fall
-- on half as many households, and each copy is a few kilobytes (bench/pillars-findings.ts). Stored
-- as json, not jsonb: it is written once and read whole, and json skips the conversion.
CREATE TABLE pillar_task_baselines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  household_id bigint NOT NULL REFERENCES households (id),
  baseline json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE pillar_tasks ADD COLUMN baseline_id bigint REFERENCES pillar_task_baselines (id);

-- Existing tasks keep their own copy, under the task's id.
INSERT INTO pillar_task_baselines (id, household_id, baseline, created_at) OVERRIDING SYSTEM VALUE
  SELECT id, household_id, baseline::json, created_at FROM pillar_tasks;
SELECT setval(pg_get_serial_sequence('pillar_task_baselines', 'id'), coalesce(max(id), 0) + 1, false)
  FROM pillar_task_baselines;
UPDATE pillar_tasks SET baseline_id = id;

ALTER TABLE pillar_tasks ALTER COLUMN baseline_id SET NOT NULL;
ALTER TABLE pillar_tasks DROP COLUMN baseline;
