import { linkedListFindings } from '../linkage/list-findings.ts';
import { currentList, deathEntries } from '../lists/lists.repository.ts';
import type { ProgramRule } from '../rule.ts';

/** Active registry people linked to the current death register (docs/validation.md). */
export const deadDeathRegisterRule: ProgramRule = {
  id: 'dead_death_register',
  kind: 'program',
  severity: 'tinggi',
  subject: 'person',
  title: { id: 'Meninggal menurut register kematian', en: 'Dead according to the death register' },
  description: {
    id: 'Orang aktif di registri yang cocok dengan akta kematian di register kematian Dukcapil terbaru: NIK dan nama sama, NIK sama, atau cocok menurut pencocokan probabilistik (bobot per kolom di bukti).',
    en: 'Active registry people who match a death certificate of the latest Dukcapil death register: same NIK and name, same NIK, or a probabilistic match (per-field weights in the evidence).',
  },
  async run(ctx) {
    const list = await currentList(ctx.db, 'death');
    if (!list) return [];
    const entries = await deathEntries(ctx.db, list.id);
    return linkedListFindings(
      ctx,
      entries.map((entry) => ({
        record: {
          name: entry.name,
          nik: entry.nik ?? undefined,
          sex: entry.sex ?? undefined,
          birth_date: entry.birth_date ?? undefined,
          birth_place: entry.birth_place ?? undefined,
          mother_name: entry.mother_name ?? undefined,
          area_code: entry.desa_code ?? undefined,
        },
        key: `akta:${entry.certificate_no}`,
        summary: { death_date: entry.death_date, no_akta_kematian: entry.certificate_no },
        evidence: {
          line_no: entry.line_no,
          no_akta_kematian: entry.certificate_no,
          nik: entry.nik,
          nama: entry.name,
          jenis_kelamin: entry.sex,
          tempat_lahir: entry.birth_place,
          tanggal_lahir: entry.birth_date,
          tanggal_kematian: entry.death_date,
          kode_desa: entry.desa_code,
          nama_ibu_kandung: entry.mother_name,
        },
      })),
      list,
    );
  },
};
