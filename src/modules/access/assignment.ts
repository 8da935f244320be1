import type { Queryable } from '../../platform/db/index.ts';
import { badRequest } from '../../server/errors.ts';
import * as users from './users.repository.ts';
import { DESA_ONLY_ROLES } from './vocabulary.ts';

export interface Assignment {
  role: string;
  areas: readonly string[];
  pillarType: string | null;
  agency: string | null;
}

/**
 * Checks that a role and its areas fit together: scoped roles need areas in the deployment's own
 * kabupaten (desa, or kecamatan where the role allows), other roles none; a pilar needs its pillar
 * type and an OPD partner its agency.
 */
export async function checkAssignment(db: Queryable, kabupatenCode: string, a: Assignment): Promise<void> {
  const role = await users.findRole(db, a.role);
  if (!role) throw badRequest(`Peran "${a.role}" tidak dikenal`, `Unknown role "${a.role}"`);
  if (!role.scoped && a.areas.length > 0) {
    throw badRequest(
      `Peran ${a.role} mencakup seluruh kabupaten; jangan isi wilayah`,
      `Role ${a.role} covers the whole district; give it no areas`,
    );
  }
  if (role.scoped && a.areas.length === 0) {
    throw badRequest(`Peran ${a.role} wajib diberi wilayah`, `Role ${a.role} needs at least one area`);
  }
  const found = new Map((await users.findRegions(db, a.areas)).map((r) => [r.code, r]));
  const levels = DESA_ONLY_ROLES.has(a.role) ? ['desa_kelurahan'] : ['desa_kelurahan', 'kecamatan'];
  for (const code of a.areas) {
    const region = found.get(code);
    if (!region || !code.startsWith(`${kabupatenCode}.`) || !levels.includes(region.level)) {
      const what = levels.length === 1 ? 'desa/kelurahan' : 'desa/kelurahan atau kecamatan';
      throw badRequest(
        `Wilayah ${code} bukan ${what} di kabupaten ${kabupatenCode}`,
        `Area ${code} is not a ${levels.length === 1 ? 'desa' : 'desa or kecamatan'} of ${kabupatenCode}`,
        { field: 'areas', value: code },
      );
    }
  }
  const isPilar = a.role === 'pilar';
  // Pillar types are data (pillar_types, seeded with the national nine; a district may add its own).
  const types = isPilar || a.pillarType !== null ? await users.pillarTypes(db) : [];
  if (isPilar !== (a.pillarType !== null) || (a.pillarType && !types.includes(a.pillarType))) {
    throw badRequest(
      `Jenis pilar wajib diisi untuk peran pilar saja (${types.join(', ')})`,
      `pillar_type is required for the pilar role only (${types.join(', ')})`,
      { field: 'pillar_type' },
    );
  }
  if ((a.role === 'opd') !== (a.agency !== null)) {
    throw badRequest(
      'Nama instansi wajib diisi untuk peran opd saja',
      'agency is required for the opd role only',
      { field: 'agency' },
    );
  }
}
