/**
 * A report table on screen, as exported: the same columns and values, formatted for reading in
 * the language in use (percents, working hours, dates in the region's zone). A text cell that is
 * a link to the sites is shown as a link; page text is only ever text.
 */
import { getLocale, t } from '@/lib/i18n';
import type { CellValue, Column, Table } from '@/lib/reports';
import { isSiteLink } from '@/lib/sites/hosts';
import { formatDateTime } from '../format';

export function formatCell(value: CellValue, column: Column, zone: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const locale = getLocale();
  switch (column.type) {
    case 'text':
      return String(value);
    case 'date':
    case 'datetime':
      return typeof value === 'number' ? formatDateTime(value, zone) : String(value);
    case 'percent':
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value) : String(value);
    case 'hours':
      return typeof value === 'number'
        ? t('reports.hours', { hours: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) })
        : String(value);
    case 'integer':
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value) : String(value);
    default:
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value) : String(value);
  }
}

function Cell({ value, column, zone }: { value: CellValue; column: Column; zone: string }) {
  const text = formatCell(value, column, zone);
  if (column.type === 'text' && typeof value === 'string' && isSiteLink(value))
    return (
      <a href={value} target="_blank" rel="noreferrer noopener">
        {value.replace(/^https:\/\//, '')}
      </a>
    );
  return <>{text}</>;
}

export function DataTable({ table, zone, caption, testId }: { table: Table; zone: string; caption?: string; testId?: string }) {
  return (
    <div className="aot-report-table" data-testid={testId}>
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={c.type === 'text' ? undefined : 'aot-num'}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length ? (
            table.rows.map((row, r) => (
              <tr key={r}>
                {table.columns.map((c, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      <Cell value={row[i]} column={c} zone={zone} />
                    </th>
                  ) : (
                    <td key={i} className={c.type === 'text' ? undefined : 'aot-num'}>
                      <Cell value={row[i]} column={c} zone={zone} />
                    </td>
                  ),
                )}
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={table.columns.length}>{t('reports.empty')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
