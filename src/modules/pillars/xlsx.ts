import ExcelJS from 'exceljs';
import { badRequest } from '../../server/errors.ts';

/** A cell as plain text: numbers, dates, rich text and formula results all read as what the sheet shows. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

/**
 * The first sheet's rows as objects keyed by the header row's names (lower-cased, mapped through
 * `aliases`), with their sheet row numbers; empty rows are skipped.
 */
export async function readSheet(
  data: Buffer,
  aliases: Record<string, string>,
): Promise<{ row: number; values: Record<string, string> }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw badRequest('Berkas bukan XLSX yang bisa dibaca', 'The file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badRequest('Berkas XLSX tidak punya lembar', 'The XLSX file has no sheet');
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    const name = cellText(cell.value).toLowerCase().replace(/\s+/g, '_');
    header[column] = aliases[name] ?? name;
  });
  const rows: { row: number; values: Record<string, string> }[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values: Record<string, string> = {};
    row.eachCell((cell, column) => {
      const key = header[column];
      if (key) values[key] = cellText(cell.value);
    });
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: number, values });
  });
  return rows;
}

/** A workbook with one sheet per table, header row bold and frozen. */
export async function writeWorkbook(
  sheets: {
    name: string;
    columns: { header: string; key: string; width?: number }[];
    rows: Record<string, unknown>[];
  }[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
