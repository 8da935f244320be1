-- A task's baseline is kept as copies of the household's and its members' rows rather than as
-- json: copying rows is several times cheaper than building their json text, and the tasks of a
-- district's findings need tens of thousands (bench/pillars-findings.ts). The copies have the
-- registry tables' columns in the same order, after baseline_id: a migration that adds a column to
-- households or persons adds it here too (the task insert fails loudly until it does).
-- No foreign keys on these copies, nor from a task to its baseline: the one statement that makes a
-- baseline writes its copies and its tasks from its own RETURNING, and nothing is ever deleted;
-- checked row by row, those keys were a fifth of the time of making a district's tasks on PGlite.
-- A task's keys to the registry and the members stay.
CREATE TABLE pillar_baseline_households (
  baseline_id bigint PRIMARY KEY,
  LIKE households
);
CREATE TABLE pillar_baseline_persons (
  baseline_id bigint NOT NULL,
  LIKE persons,
  PRIMARY KEY (baseline_id, id)
);
ALTER TABLE pillar_task_baselines DROP CONSTRAINT pillar_task_baselines_household_id_fkey;
ALTER TABLE pillar_tasks DROP CONSTRAINT pillar_tasks_baseline_id_fkey;

INSERT INTO pillar_baseline_households
  SELECT b.id, h.* FROM pillar_task_baselines b,
    json_populate_record(NULL::households, b.baseline->'household') h;
INSERT INTO pillar_baseline_persons
  SELECT b.id, p.* FROM pillar_task_baselines b, json_each(b.baseline->'persons') e,
    json_populate_record(NULL::persons, e.value) p;

ALTER TABLE pillar_task_baselines DROP COLUMN baseline;
