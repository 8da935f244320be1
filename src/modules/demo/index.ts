export { DEATH_REGISTER_COLUMNS } from './death-register.ts';
export { DUPLICATE_KINDS, type DuplicateKind } from './duplicates.ts';
export {
  DEMO_DEFAULTS,
  type DemoManifest,
  type DemoOptions,
  GENERATOR_VERSION,
  generateDemoDistrict,
} from './generate.ts';
export { FILE_NAMES as DEMO_FILE_NAMES } from './output.ts';
export { OCCUPATIONS, STATE_EMPLOYEE_OCCUPATIONS } from './person-attributes.ts';
export { STAFF_LIST_COLUMNS } from './staff-list.ts';
