import type { OpenFindingRow } from '../validation/index.ts';
import type { TaskKind } from './vocabulary.ts';

/** An open validation finding as the pillars module needs it (a listOpenFindings row). */
export type OpenFinding = Pick<
  OpenFindingRow,
  'id' | 'rule_id' | 'subject_type' | 'subject_id' | 'surviving_id'
>;

/** Rules whose question in the field is "is this person alive?". */
const ALIVE_RULES = new Set(['dead_death_register', 'age_over_110', 'person_left_dtsen']);

/**
 * The field question a finding becomes: a duplicate (evidence names the surviving record) asks
 * whether the two are one person; a death or absence hint asks whether the person lives; a
 * household gone from DTSEN asks whether it still lives there; a missing desil asks for the desil
 * that fits; anything else asks for the household to be re-checked with the rule named.
 */
export function taskForFinding(finding: OpenFinding): {
  kind: TaskKind;
  personId: number | null;
  relatedPersonId: number | null;
  question: string | null;
} {
  const person = finding.subject_type === 'person' ? finding.subject_id : null;
  const surviving = finding.surviving_id;
  if (person !== null && surviving !== null && surviving !== person)
    return { kind: 'same_person', personId: person, relatedPersonId: surviving, question: null };
  if (person !== null && ALIVE_RULES.has(finding.rule_id))
    return { kind: 'alive', personId: person, relatedPersonId: null, question: null };
  if (finding.rule_id === 'household_left_dtsen')
    return { kind: 'household_exists', personId: null, relatedPersonId: null, question: null };
  if (finding.rule_id === 'desil_missing')
    return { kind: 'desil_plausible', personId: null, relatedPersonId: null, question: null };
  return {
    kind: 'recheck',
    personId: person,
    relatedPersonId: null,
    question: `Temuan validasi: ${finding.rule_id}`,
  };
}
