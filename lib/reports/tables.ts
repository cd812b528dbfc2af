/**
 * A table to export (CSV, XLSX): columns with a type and a header the caller gives (Russian
 * headers come from the page's i18n; lib says no words), rows of raw values. Types:
 * - text: a string;
 * - integer, number: a number (number: `decimals` places, default 2);
 * - hours: working hours, a number shown with one decimal;
 * - percent: a share 0–1 (0.857 → 85,7 %);
 * - date, datetime: an instant (epoch ms) shown as the local date (and time) in the table's zone.
 * null or undefined: an empty cell.
 */
import { DateTime } from 'luxon';
import { ReportError } from './errors';

export type ColumnType = 'text' | 'integer' | 'number' | 'hours' | 'percent' | 'date' | 'datetime';

export interface Column {
  header: string;
  type: ColumnType;
  /** Width in characters (XLSX); default from the header and type. */
  width?: number;
  /** Decimal places for number (default 2), hours (1) and percent (1). */
  decimals?: number;
}

export type CellValue = string | number | null | undefined;

export interface Table {
  /** The sheet's name (XLSX; at most 31 characters, no : \ / ? * [ ]). */
  name: string;
  columns: Column[];
  rows: CellValue[][];
}

export const COLUMN_TYPES: readonly ColumnType[] = ['text', 'integer', 'number', 'hours', 'percent', 'date', 'datetime'];

export function checkTable(t: Table): void {
  if (!t || !Array.isArray(t.columns) || !Array.isArray(t.rows)) throw new ReportError('bad-option', { value: 'table' }, 'a table needs columns and rows');
  for (const c of t.columns) if (!COLUMN_TYPES.includes(c?.type)) throw new ReportError('bad-option', { value: String(c?.type) }, 'column type');
}

export const decimalsOf = (c: Column) => c.decimals ?? (c.type === 'number' ? 2 : c.type === 'integer' ? 0 : 1);

/**
 * The local wall time of an instant in `zone`, as a Date whose UTC fields are that wall time
 * (what a spreadsheet's time-zone-less date cell holds).
 */
export function wallDate(ms: number, zone: string): Date {
  const dt = DateTime.fromMillis(ms, { zone });
  if (!dt.isValid) throw new ReportError('bad-zone', { value: zone }, `unknown time zone ${zone}`);
  return new Date(ms + dt.offset * 60_000);
}

/** 'dd.MM.yyyy' or 'dd.MM.yyyy HH:mm' of an instant in `zone` (how Russian Excel reads dates). */
export function localText(ms: number, zone: string, withTime: boolean): string {
  const dt = DateTime.fromMillis(ms, { zone });
  if (!dt.isValid) throw new ReportError('bad-zone', { value: zone }, `unknown time zone ${zone}`);
  return dt.toFormat(withTime ? 'dd.MM.yyyy HH:mm' : 'dd.MM.yyyy');
}
