import type { Queryable } from '../../platform/db/index.ts';

/** The contract every validation rule meets: structural (SQL) rules and linkage (program) rules alike. */

export type Severity = 'tinggi' | 'sedang' | 'rendah'; // high / medium / low
export interface Bilingual {
  id: string;
  en: string;
}
export interface RuleInfo {
  id: string; // 'nik_structure', 'dead_death_register', ... (snake_case, stable)
  severity: Severity;
  subject: 'person' | 'household';
  title: Bilingual;
  description: Bilingual;
}
/** The area a run covers: null = the whole district; otherwise these desa codes. */
export interface RunScope {
  desaCodes: string[] | null;
}
export interface RuleContext {
  db: Queryable; // inside the run; rules only READ
  scope: RunScope;
  kabupatenCode: string;
  /** Progress inside this rule, for the run's job progress. */
  progress(done: number, total: number): void;
}
/** One thing a rule found. `key` makes it stable across runs: the same rule, subject and key is the same finding. */
export interface FindingCandidate {
  subjectType: 'person' | 'household';
  subjectId: number; // persons.id / households.id
  desaCode: string;
  key: string; // e.g. the NIK shared, 'pair:<personIdA>:<personIdB>', the register row id
  evidence: Record<string, unknown>; // JSON shown to the operator (records, per-field weights, ...)
  severity?: Severity; // overrides the rule's default for this finding
}
/** Set-based rule: a SELECT returning columns subject_type, subject_id, desa_code, key, evidence (jsonb), severity (text or NULL). $1 is the desa code array or NULL for the district. */
export interface SqlRule extends RuleInfo {
  kind: 'sql';
  sql: string;
}
/** Rule computed in TypeScript (linkage rules). */
export interface ProgramRule extends RuleInfo {
  kind: 'program';
  run(ctx: RuleContext): Promise<FindingCandidate[]>;
}
export type Rule = SqlRule | ProgramRule;
