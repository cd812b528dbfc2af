/**
 * XLSX export: a sheet per table, the caller's (Russian) headers in bold, real cells — numbers
 * as numbers, shares as percent cells (0.857 shown 85,7 %), instants as date cells holding the
 * local wall time in the region's zone — the header row frozen, column widths set.
 *
 * Library: write-excel-file (MIT, maintained; its one dependency is fflate), through its
 * `universal` build, which returns a Blob. Notes:
 * - Blob is a global of browsers and Node ≥ 18 (no DOM); nothing else here touches the
 *   environment. Call it from the reports extension page, never from the content script or the
 *   service worker.
 * - fflate (the library's zip) compresses each file of 160 KB or more on a Worker made from a
 *   blob: URL, which an MV3 extension page may not start (worker-src 'self' only): a large
 *   workbook would fail there. The extension build aliases 'fflate' to ./zip-sync.ts, which
 *   does the same on the page's thread (see that file).
 * - lib/reports/index.ts does not re-export this module, so nothing but the page that imports
 *   `@/lib/reports/xlsx` bundles the library.
 */
import writeXlsxFile from 'write-excel-file/universal';
import type { Cell, Row, Sheet } from 'write-excel-file/universal';
import { ReportError } from './errors';
import { checkTable, decimalsOf, wallDate, type Column, type Table } from './tables';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const zeros = (n: number) => (n > 0 ? `.${'0'.repeat(n)}` : '');

/** The cell format of a column (Excel format codes; shown in the user's locale). */
export function formatOf(c: Column): string | undefined {
  switch (c.type) {
    case 'integer':
      return '0';
    case 'number':
    case 'hours':
      return `0${zeros(decimalsOf(c))}`;
    case 'percent':
      return `0${zeros(decimalsOf(c))}%`;
    case 'date':
      return 'dd.mm.yyyy';
    case 'datetime':
      return 'dd.mm.yyyy hh:mm';
    default:
      return undefined;
  }
}

function cellOf(value: unknown, c: Column, zone: string): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (c.type === 'text') return { type: String, value: String(value) };
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (c.type === 'date' || c.type === 'datetime') return { type: Date, value: wallDate(value, zone), format: formatOf(c)! };
  return { type: Number, value, format: formatOf(c)! };
}

const DEFAULT_WIDTH: Record<Column['type'], number> = { text: 24, integer: 10, number: 12, hours: 10, percent: 10, date: 12, datetime: 17 };

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the file. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = (
    String(name ?? '')
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim() || 'Sheet'
  ).slice(0, 31);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The sheets as write-excel-file takes them (exported for tests and for a caller that adds options). */
export function xlsxSheets(tables: readonly Table[], zone: string): Sheet<Blob>[] {
  if (!tables?.length) throw new ReportError('bad-option', { value: 0, min: 1 }, 'an XLSX file needs at least one table');
  const taken = new Set<string>();
  return tables.map((t) => {
    checkTable(t);
    const header: Row = t.columns.map((c) => ({ type: String, value: String(c.header ?? ''), fontWeight: 'bold', wrap: true }) as Cell);
    const rows: Row[] = t.rows.map((r) => t.columns.map((c, i) => cellOf(r?.[i], c, zone)));
    return {
      data: [header, ...rows],
      sheet: sheetName(t.name, taken),
      stickyRowsCount: 1,
      columns: t.columns.map((c) => ({ width: c.width ?? Math.max(DEFAULT_WIDTH[c.type], Math.min(40, String(c.header ?? '').length + 2)) })),
    };
  });
}

/** The XLSX file of the tables (a sheet each), instants shown in `zone`. */
export function toXlsx(tables: readonly Table[], zone: string): Promise<Blob> {
  return writeXlsxFile(xlsxSheets(tables, zone), { fontFamily: 'Calibri', fontSize: 11 }).toBlob();
}
