/**
 * The Berita Acara page: a printable record of the registry changes a desa agreed through findings in
 * one quarter. Pure: builds HTML from rows, every value escaped.
 */
export interface BeritaAcaraInput {
  desa: string;
  desaCode: string;
  kecamatan: string;
  period: string;
  from: string;
  to: string;
  rows: {
    id: number;
    rule: string;
    name: string | null;
    nik: string | null;
    family_id: string | null;
    resolution: Record<string, unknown>;
    reason: string | null;
    resolved_by: string | null;
    resolved_at: Date;
  }[];
}

const ACTION_LABELS: Record<string, string> = {
  meninggal: 'Ditandai meninggal',
  ganda: 'Ditandai ganda',
  pindah: 'Ditandai pindah',
  tidak_layak: 'Ditandai tidak layak',
  tidak_ditemukan: 'Ditandai tidak ditemukan',
  correct: 'Data dikoreksi',
  no_change: 'Tidak perlu perubahan',
};

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function action(resolution: Record<string, unknown>): string {
  const label = ACTION_LABELS[String(resolution.action)] ?? String(resolution.action);
  if (resolution.action === 'correct') return `${label}: ${resolution.field} menjadi "${resolution.value}"`;
  if (resolution.action === 'ganda' && resolution.related_id)
    return `${label} (rekaman tetap #${resolution.related_id})`;
  return label;
}

const date = (d: Date | string) =>
  new Date(d).toLocaleDateString('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  });

export function beritaAcaraHtml(input: BeritaAcaraInput): string {
  const e = escapeHtml;
  const body = input.rows.length
    ? input.rows
        .map(
          (row, i) => `<tr><td>${i + 1}</td><td>${e(row.name ?? '')}</td><td>${e(row.nik ?? '')}</td>
<td>${e(row.family_id ?? '')}</td><td>${e(row.rule)}</td><td>${e(action(row.resolution))}</td>
<td>${e(row.reason ?? '')}</td><td>${e(row.resolved_by ?? '')}<br>${e(date(row.resolved_at))}</td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="8" class="empty">Tidak ada perubahan data pada periode ini.</td></tr>';
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Berita Acara Verifikasi dan Validasi Data - ${e(input.desa)} - ${e(input.period)}</title>
<style>
  body { font-family: "Times New Roman", serif; font-size: 12pt; margin: 2cm; color: #000; }
  h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin-bottom: 0; }
  .sub { text-align: center; margin-top: 4px; }
  table { width: 100%; border-collapse: collapse; margin: 1em 0; font-size: 10pt; }
  th, td { border: 1px solid #000; padding: 4px; vertical-align: top; text-align: left; }
  th { background: #eee; }
  .empty { text-align: center; font-style: italic; }
  .signatures { display: flex; justify-content: space-between; margin-top: 3em; text-align: center; }
  .signatures div { width: 30%; }
  .line { margin-top: 5em; border-top: 1px solid #000; }
  @media print { body { margin: 1.5cm; } @page { size: A4 landscape; } }
</style>
</head>
<body>
<h1>Berita Acara Verifikasi dan Validasi Data Terpadu</h1>
<p class="sub">Desa/Kelurahan ${e(input.desa)} (${e(input.desaCode)}), Kecamatan ${e(input.kecamatan)}<br>
Periode ${e(input.period)} (${e(date(input.from))} s.d. ${e(date(input.to))})</p>
<p>Pada periode tersebut telah dilakukan verifikasi dan validasi data keluarga dan individu di desa/kelurahan
ini. Perubahan data berikut telah diputuskan berdasarkan temuan validasi dan dicatat dalam sistem Sinergi
beserta alasan, pelaksana dan waktunya (${input.rows.length} perubahan):</p>
<table>
<thead><tr><th>No</th><th>Nama</th><th>NIK</th><th>ID keluarga</th><th>Temuan</th><th>Tindakan</th><th>Alasan</th><th>Oleh / tanggal</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
<p>Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.</p>
<div class="signatures">
<div>Operator Desa/Kelurahan<div class="line"></div></div>
<div>Pendamping/Pilar Sosial<div class="line"></div></div>
<div>Kepala Desa/Lurah ${e(input.desa)}<div class="line"></div></div>
</div>
</body>
</html>
`;
}
