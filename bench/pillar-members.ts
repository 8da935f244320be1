import type { Db } from '../src/platform/db/index.ts';

/**
 * `count` pillar members of five types with pilar logins over the 35.19 desa (generated with SQL,
 * the password hash a placeholder): four in five cover one desa, one in five a whole kecamatan, so
 * every desa has members when `count` is at least the number of desa.
 */
export async function createBenchMembers(db: Db, count: number): Promise<void> {
  await db.exec(`
    INSERT INTO users (username, full_name, role, password_hash, pillar_type, created_by)
    SELECT 'bench.pilar.' || g, 'Pilar ' || g, 'pilar', 'not-a-hash', (ARRAY['pkh','tksk','psm','tagana','karang_taruna'])[1 + g % 5], 'bench'
    FROM generate_series(1, ${count}) g;
    INSERT INTO pillar_members (name, pillar_type, organisation, active_from, user_id, created_by)
    SELECT u.full_name, u.pillar_type, CASE WHEN u.pillar_type = 'karang_taruna' THEN 'Karang Taruna' END, '2025-01-01', u.id, 'bench'
    FROM users u WHERE u.username LIKE 'bench.pilar.%';
    INSERT INTO pillar_member_areas (member_id, region_code)
    SELECT m.id, CASE WHEN m.id % 5 = 0 THEN left(d.code, 8) ELSE d.code END
    FROM pillar_members m
    JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total
          FROM regions WHERE level = 'desa_kelurahan' AND starts_with(code, '35.19.')) d ON d.n = m.id % d.total;
    INSERT INTO user_areas (user_id, region_code) SELECT m.user_id, a.region_code FROM pillar_members m JOIN pillar_member_areas a ON a.member_id = m.id;`);
}
