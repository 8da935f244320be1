import { linkedListFindings } from '../linkage/list-findings.ts';
import { asnEntries, currentList } from '../lists/lists.repository.ts';
import type { ProgramRule } from '../rule.ts';

/** Active registry people linked to the current ASN/TNI/Polri list (docs/validation.md). */
export const asnListedRule: ProgramRule = {
  id: 'asn_listed',
  kind: 'program',
  severity: 'tinggi',
  subject: 'person',
  title: { id: 'Tercatat sebagai ASN/TNI/Polri', en: 'Listed as a civil servant, soldier or police officer' },
  description: {
    id: 'Orang aktif di registri yang cocok dengan daftar ASN/TNI/Polri terbaru (NIP, jenis aparatur dan instansi di bukti): ASN, TNI dan Polri tidak boleh menerima bansos.',
    en: 'Active registry people who match the latest ASN/TNI/Polri list (NIP, staff kind and agency in the evidence): civil servants, soldiers and police may not receive social assistance.',
  },
  async run(ctx) {
    const list = await currentList(ctx.db, 'asn');
    if (!list) return [];
    const entries = await asnEntries(ctx.db, list.id);
    return linkedListFindings(
      ctx,
      entries.map((entry) => ({
        record: {
          name: entry.name,
          nik: entry.nik ?? undefined,
          sex: entry.sex ?? undefined,
          birth_date: entry.birth_date ?? undefined,
        },
        key: `nip:${entry.staff_kind}:${entry.nip}`,
        summary: { nip: entry.nip, jenis_aparatur: entry.staff_kind, instansi: entry.agency },
        evidence: {
          line_no: entry.line_no,
          nip: entry.nip,
          nik: entry.nik,
          nama: entry.name,
          tanggal_lahir: entry.birth_date,
          jenis_kelamin: entry.sex,
          jenis_aparatur: entry.staff_kind,
          instansi: entry.agency,
          jabatan: entry.position,
        },
      })),
      list,
    );
  },
};
