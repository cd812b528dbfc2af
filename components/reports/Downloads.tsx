/**
 * Export: every table of the report in one XLSX file (a sheet each), or one table as CSV. The
 * XLSX writer is loaded when asked for, so the page opens without it.
 */
import { useState } from 'react';
import { t } from '@/lib/i18n';
import { toCsv, type Table } from '@/lib/reports';
import { downloadBlob as save } from '../download';

export function Downloads({ tables, zone, fileBase }: { tables: Table[]; zone: string; fileBase: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [csvIndex, setCsvIndex] = useState(0);
  const none = tables.length === 0;
  return (
    <div className="aot-downloads">
      <button
        type="button"
        className="aot-button aot-button--primary"
        disabled={none || busy}
        onClick={async () => {
          setBusy(true);
          setFailed(false);
          try {
            const { toXlsx } = await import('@/lib/reports/xlsx');
            save(await toXlsx(tables, zone), `${fileBase}.xlsx`);
          } catch (error) {
            console.error('[aot] XLSX export failed', error);
            setFailed(true);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('reports.download.xlsx')}
      </button>
      <span className="aot-downloads__csv">
        <select aria-label={t('reports.download.csvTable')} value={csvIndex} onChange={(e) => setCsvIndex(Number(e.target.value))} disabled={none}>
          {tables.map((table, i) => (
            <option key={i} value={i}>
              {table.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="aot-button"
          disabled={none}
          onClick={() => {
            const table = tables[Math.min(csvIndex, tables.length - 1)];
            if (table) save(new Blob([toCsv(table, zone)], { type: 'text/csv;charset=utf-8' }), `${fileBase}-${csvIndex + 1}.csv`);
          }}
        >
          {t('reports.download.csv')}
        </button>
      </span>
      {failed ? (
        <p role="alert" className="aot-form__notice aot-form__notice--error">
          {t('reports.download.failed')}
        </p>
      ) : null}
    </div>
  );
}
