-- A finding's pillar task is kept in a narrow table of its own instead of a column of findings:
-- linking a district's open findings rewrote every finding row (about a kilobyte each, with its
-- evidence) and all five of its indexes; an insert here is a small row and one index entry
-- (bench/pillars-findings.ts). No foreign key to the task: that table is the pillars module's.
CREATE TABLE finding_tasks (
  finding_id bigint PRIMARY KEY REFERENCES findings (id),
  task_id bigint NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO finding_tasks (finding_id, task_id, linked_at)
  SELECT id, task_id, updated_at FROM findings WHERE task_id IS NOT NULL;

ALTER TABLE findings DROP COLUMN task_id;
