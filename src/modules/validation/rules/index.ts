import type { Rule } from '../rule.ts';
import { asnListedRule } from './asn-listed.ts';
import { ageOver110, birthInFuture, childParentAge } from './dates.ts';
import { deadDeathRegisterRule } from './dead-death-register.ts';
import { duplicatePersonRule } from './duplicate-person.ts';
import { desilMissing, headUnderage, householdHead } from './household.ts';
import { kkStructure } from './kk.ts';
import { householdLeftDtsen, personLeftDtsen } from './left-dtsen.ts';
import { nikBirthSex, nikFormat, nikRegion } from './nik.ts';
import { nikShared, personTwoHouseholds } from './shared-nik.ts';

/** The structural rules: set-wise SQL over the registry alone (bench/validation.ts times these). */
export const STRUCTURAL_RULES: readonly Rule[] = [
  nikFormat,
  nikRegion,
  nikBirthSex,
  kkStructure,
  nikShared,
  personTwoHouseholds,
  householdHead,
  headUnderage,
  birthInFuture,
  ageOver110,
  childParentAge,
  desilMissing,
  householdLeftDtsen,
  personLeftDtsen,
];

/**
 * Every rule a validation run applies, in the order they run. Linkage-based rules (duplicates,
 * deaths, civil servants) are added here by their module, one line each.
 */
export const ALL_RULES: readonly Rule[] = [
  ...STRUCTURAL_RULES,
  duplicatePersonRule,
  deadDeathRegisterRule,
  asnListedRule,
];
