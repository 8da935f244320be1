-- Beranda's figures: the latest period's active households and their active members per desa and
-- desil. The registry module keeps the rows (import commit, status changes, desil corrections) so the
-- home page reads a few hundred rows instead of counting the whole registry on every visit. Derived
-- data, recomputed from the records: an earlier period's rows stay as they stood when the next
-- period was committed.
CREATE TABLE registry_desa_counts (
  period text NOT NULL,
  desa_code text NOT NULL,
  -- Null for households without a desil.
  desil smallint,
  households integer NOT NULL,
  persons integer NOT NULL
);
CREATE UNIQUE INDEX registry_desa_counts_key ON registry_desa_counts (period, desa_code, COALESCE(desil, 0));

-- A registry imported before this table existed: count its latest period once (the same query as
-- summary.repository.ts recount()).
INSERT INTO registry_desa_counts (period, desa_code, desil, households, persons)
SELECT latest.period, h.desa_code, h.desil, count(*)::int, (sum(s.members) - coalesce(sum(x.n), 0))::int
FROM (SELECT max(period) AS period FROM periods) latest
JOIN snapshot_households s ON s.period = latest.period
JOIN households h ON h.family_id = s.family_id
LEFT JOIN (
  SELECT p.household_id, count(*) AS n
  FROM persons p JOIN snapshot_persons sp ON sp.person_id = p.person_id
  WHERE sp.period = (SELECT max(period) FROM periods) AND p.status <> 'aktif'
  GROUP BY p.household_id
) x ON x.household_id = h.id
WHERE h.status = 'aktif'
GROUP BY latest.period, h.desa_code, h.desil;
