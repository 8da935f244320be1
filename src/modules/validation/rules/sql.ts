/**
 * SQL pieces the structural rules share. Every rule is one SELECT over the registry tables, run
 * set-wise so the whole district is checked in a few scans rather than record by record.
 */

/** `$1` is the run's desa codes, or NULL for the whole district. */
export const inScope = (column: string) => `($1::text[] IS NULL OR ${column} = ANY($1::text[]))`;

/**
 * The date ages are measured at: the last day of the latest imported period (the registry describes
 * the district as of then), or today before any import. Keeps results stable between runs.
 */
export const REFERENCE_DATE = `(SELECT coalesce(
  max((make_date(left(period, 4)::int, right(period, 1)::int * 3, 1) + interval '1 month' - interval '1 day')::date),
  current_date) FROM periods)`;

/** A name compared loosely: case and runs of spaces do not matter. */
export const normalisedName = (column: string) => `lower(regexp_replace(trim(${column}), '\\s+', ' ', 'g'))`;

/** The evidence every person finding shows: who the record is. */
export const personEvidence = (p: string) =>
  `'name', ${p}.name, 'nik', ${p}.nik, 'birth_date', ${p}.birth_date, 'sex', ${p}.sex, 'relationship', ${p}.relationship`;

/**
 * Active records of a table in the run's scope, with the few columns the identifier rules show and
 * `id16`: whether `column` is 16 digits (ltrim of every digit leaves nothing; cheaper than a regex).
 * OFFSET 0 keeps the planner from inlining the test into every later use of `id16`.
 */
export const withId16 = (table: 'persons' | 'households', column: string, alias: string) =>
  `(SELECT ${table === 'persons' ? 't.id, t.desa_code, t.nik, t.name, t.birth_date, t.sex, t.relationship' : 't.id, t.desa_code, t.kk, t.family_id'},
      length(t.${column}) = 16 AND ltrim(t.${column}, '0123456789') = '' AS id16
    FROM ${table} t WHERE t.status = 'aktif' AND ${inScope('t.desa_code')} OFFSET 0) ${alias}`;

/**
 * Decodes `PPKKCC DDMMYY SSSS` (columns nik_day, nik_month, nik_yy, nik_sex, nik_date_valid) from a
 * 16-digit identifier column (NULLs where `id16`, see withId16, is false); the day has 40 added for
 * women when `femaleDay` is set (NIK, not KK).
 */
export function decodedDate(column: string, id16: string, femaleDay: boolean): string {
  const digits = (from: number) => `CASE WHEN ${id16} THEN substr(${column}, ${from}, 2)::int END`;
  const raw = digits(7);
  const day = femaleDay ? `CASE WHEN ${raw} > 40 THEN ${raw} - 40 ELSE ${raw} END` : raw;
  return `SELECT d.day AS nik_day, d.month AS nik_month, d.yy AS nik_yy,
      CASE WHEN ${raw} > 40 THEN 'P' ELSE 'L' END AS nik_sex,
      d.month BETWEEN 1 AND 12 AND d.day BETWEEN 1 AND
        CASE WHEN d.month IN (4, 6, 9, 11) THEN 30 WHEN d.month = 2 THEN CASE WHEN d.yy % 4 = 0 THEN 29 ELSE 28 END
        ELSE 31 END AS nik_date_valid
    FROM (SELECT ${day} AS day, ${digits(9)} AS month, ${digits(11)} AS yy) d`;
}

/**
 * Whether the DDMMYY at position 7 of a 16-digit identifier is a calendar date (day +40 allowed for
 * women when `femaleDay`): DDMM looked up in the set of real ones (a hashed lookup), 29 February
 * only in years divisible by four (the century is not in the identifier).
 */
export function validDatePart(column: string, femaleDay: boolean): string {
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const valid: string[] = [];
  for (const offset of femaleDay ? [0, 40] : [0]) {
    days.forEach((last, m) => {
      for (let d = 1; d <= last; d++)
        valid.push(`${d + offset}`.padStart(2, '0') + `${m + 1}`.padStart(2, '0'));
    });
  }
  return `(substr(${column}, 7, 4) = ANY('{${valid.join(',')}}'::text[])
    AND NOT (substr(${column}, 9, 2) = '02' AND substr(${column}, 7, 2) IN ('29', '69') AND substr(${column}, 11, 2)::int % 4 <> 0))`;
}
