/**
 * CSV for Excel as Russian offices open it (a decision):
 * - RFC 4180 quoting (a field with the separator, a quote, CR or LF, or edge spaces is quoted,
 *   quotes doubled) and CRLF line ends;
 * - UTF-8 with a BOM (U+FEFF first), so Excel reads Cyrillic without an import dialog;
 * - `;` between fields and a decimal comma (what Excel expects in the Russian locale, where `,`
 *   is the decimal separator); `separator: ','` gives a decimal point instead;
 * - dates as dd.MM.yyyy [HH:mm] in the region's zone, percents as «85,7%» (Excel reads both);
 * - a text cell starting with = + - @ or a tab/CR gets a leading apostrophe, so a post's text
 *   can never run as a formula in Excel (CSV injection).
 * Returns a string; the page makes the file (Blob) of it.
 */
import { checkTable, decimalsOf, localText, type CellValue, type Column, type Table } from './tables';

export interface CsvOptions {
  /** ';' (default) or ','. */
  separator?: ';' | ',';
  /** Prepend the UTF-8 BOM (default true). */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: CellValue, column: Column, zone: string, comma: boolean): string {
  if (value === null || value === undefined || value === '') return '';
  const decimal = (s: string) => (comma ? s.replace('.', ',') : s);
  switch (column.type) {
    case 'text': {
      const s = String(value);
      return FORMULA_START.test(s) ? `'${s}` : s;
    }
    case 'date':
    case 'datetime':
      return typeof value === 'number' && Number.isFinite(value) ? localText(value, zone, column.type === 'datetime') : '';
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? `${decimal((value * 100).toFixed(decimalsOf(column)))}%` : '';
    default:
      return typeof value === 'number' && Number.isFinite(value) ? decimal(value.toFixed(decimalsOf(column))) : '';
  }
}

function field(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table as CSV text: the header row, then the rows. Instants are shown in `zone`. */
export function toCsv(table: Table, zone: string, options: CsvOptions = {}): string {
  checkTable(table);
  const separator = options.separator ?? ';';
  const comma = separator === ';';
  const lines = [table.columns.map((c) => field(String(c.header ?? ''), separator)).join(separator)];
  for (const row of table.rows) lines.push(table.columns.map((c, i) => field(cellText(row?.[i], c, zone, comma), separator)).join(separator));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
