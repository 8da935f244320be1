import { type Actor, requirePermission } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { getHousehold, getPerson, REGISTRY_PERMISSIONS } from '../registry/index.ts';

/**
 * A full record, NIK and KK unmasked, for a role that sees them masked: read within the caller's
 * area like any read, and written to the audit log before it is returned.
 */
export async function revealPerson(db: Db, actor: Actor, id: number) {
  requirePermission(actor, REGISTRY_PERMISSIONS.reveal);
  const record = await getPerson(db, actor, id);
  await recordAudit(db, actor, {
    action: 'record.reveal',
    subjectType: 'person',
    subjectId: id,
    desaCode: record.person.desa_code,
  });
  return record;
}

export async function revealHousehold(db: Db, actor: Actor, id: number) {
  requirePermission(actor, REGISTRY_PERMISSIONS.reveal);
  const record = await getHousehold(db, actor, id);
  await recordAudit(db, actor, {
    action: 'record.reveal',
    subjectType: 'household',
    subjectId: id,
    desaCode: record.household.desa_code,
  });
  return record;
}
