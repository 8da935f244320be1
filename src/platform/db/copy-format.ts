/** Encodes rows in PostgreSQL's COPY text format (tab separated, \N for NULL, backslash escapes). */
export function encodeCopyText(rows: readonly (readonly unknown[])[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(row.map(encodeValue).join('\t'));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;

function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? arrayLiteral(value)
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  // Testing first spares a copy of the (almost always) clean value.
  return SPECIAL.test(text) ? text.replace(SPECIALS, escapeChar) : text;
}

/** A PostgreSQL array literal ('{"a","b"}') for text[] columns. */
function arrayLiteral(items: readonly unknown[]): string {
  const quoted = items.map((item) => `"${String(item).replace(/[\\"]/g, (ch) => `\\${ch}`)}"`);
  return `{${quoted.join(',')}}`;
}

function escapeChar(ch: string): string {
  switch (ch) {
    case '\\':
      return '\\\\';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    default:
      return '\\r';
  }
}

/** Quotes an identifier list for COPY; callers pass fixed table and column names, never user input. */
export function copyStatement(table: string, columns: readonly string[]): string {
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return `COPY ${table} (${columns.map(quote).join(', ')}) FROM STDIN`;
}
