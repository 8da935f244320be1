export { VALIDATION_PERMISSIONS } from './permissions.ts';
export type {
  Bilingual,
  FindingCandidate,
  ProgramRule,
  Rule,
  RuleContext,
  RuleInfo,
  RunScope,
  Severity,
  SqlRule,
} from './rule.ts';
