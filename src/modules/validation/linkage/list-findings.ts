import { normaliseName, type PersonRecord } from '../../linkage/index.ts';
import type { FindingCandidate, RuleContext, Severity } from '../rule.ts';
import { linkListToRegistry } from './link-list.ts';
import { personSummaries } from './registry-people.ts';

/** How a registry person was linked to a list row: the bulk actions act on `exact_nik_name` only. */
export type ListMatchKind = 'exact_nik_name' | 'exact_nik' | 'fuzzy';

export interface LinkableRow {
  /** What the linkage engine compares. */
  record: Omit<PersonRecord, 'id'>;
  /** The finding's stable key (the certificate number, the NIP): the same row in a later list is the same finding. */
  key: string;
  /** The row as the evidence shows it. */
  evidence: Record<string, unknown>;
  /** What the finding is about at a glance (the death date; NIP, staff kind and agency), at the top of the evidence. */
  summary: Record<string, unknown>;
}

/**
 * Findings for the registry people linked to an external list: same NIK and the same name
 * (normalised: titles, Alm./Almh., spelling variants and word order do not count), same NIK only,
 * or a fuzzy match of the linkage engine. Pairs at the engine's match level, and every same-NIK
 * same-name pair, take the rule's severity; pairs in its review band, and same-NIK pairs whose names
 * have nothing in common, are `rendah`. A same-NIK pair
 * with another name that the engine scores below its review band is not a finding: it is most often
 * a mistyped NIK that belongs to somebody else.
 */
export async function linkedListFindings(
  ctx: RuleContext,
  rows: readonly LinkableRow[],
  list: { id: number; file_name: string },
): Promise<FindingCandidate[]> {
  const links = await linkListToRegistry(
    ctx.db,
    rows.map((row) => row.record),
    ctx.progress,
  );
  const people = await personSummaries(ctx.db, [...new Set(links.map((link) => link.personId))]);
  const inScope = ctx.scope.desaCodes === null ? null : new Set(ctx.scope.desaCodes);
  const findings: FindingCandidate[] = [];
  for (const link of links) {
    const person = people.get(link.personId);
    const row = rows[link.entry];
    if (!person || !row) continue;
    if (inScope && !inScope.has(person.desa_code)) continue;
    const sameName =
      normaliseName(person.name).key === normaliseName(row.record.name ?? '').key &&
      person.name.trim() !== '';
    const match: ListMatchKind = link.sameNik ? (sameName ? 'exact_nik_name' : 'exact_nik') : 'fuzzy';
    // The NIK encodes the birth date and sex, so a NIK mistyped in its serial still "agrees" on
    // both: the engine counts that twice. With nothing in common in the names, such a pair is most
    // often a neighbour born the same day, not the person: it goes to review.
    const namesDiffer = link.fields?.find((f) => f.field === 'name')?.level === 'different';
    const band =
      match === 'exact_nik_name' || (link.band === 'match' && !(match === 'exact_nik' && namesDiffer))
        ? 'match'
        : 'review';
    let severity: Severity | undefined;
    if (band === 'match') severity = undefined;
    else if (link.probability !== null) severity = 'rendah';
    else continue;
    findings.push({
      subjectType: 'person',
      subjectId: person.id,
      desaCode: person.desa_code,
      key: row.key,
      severity,
      evidence: {
        ...row.summary,
        match,
        band,
        probability: link.probability,
        match_weight: link.matchWeight,
        fields: link.fields,
        person,
        list_row: row.evidence,
        list: { id: list.id, file_name: list.file_name },
      },
    });
  }
  return findings;
}
