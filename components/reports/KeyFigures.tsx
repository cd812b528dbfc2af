/** The few figures a reader looks for first, large: found, answered, on time, overdue now, median answer time. */
import { getLocale, t } from '@/lib/i18n';
import type { Report } from '@/lib/reports';

export function KeyFigures({ report }: { report: Report }) {
  const all = Object.values(report.deadlines).reduce((sum, c) => ({ onTime: sum.onTime + c.onTime, due: sum.due + c.onTime + c.late + c.overdue }), {
    onTime: 0,
    due: 0,
  });
  const locale = getLocale();
  const percent = all.due ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(all.onTime / all.due) : '—';
  const hours = report.totals.answerHoursMedian;
  const items: Array<[string, string, string]> = [
    ['captured', t('reports.figure.captured'), String(report.totals.captured)],
    ['answered', t('reports.figure.answered'), String(report.totals.answered)],
    ['on-time', t('reports.key.onTime'), percent],
    ['overdue', t('reports.figure.overdueNow'), String(report.totals.overdueNow)],
    [
      'median',
      t('reports.figure.answerHoursMedian'),
      hours === null ? '—' : t('reports.hours', { hours: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours) }),
    ],
  ];
  return (
    <dl className="aot-key-figures" data-testid="key-figures">
      {items.map(([id, label, value]) => (
        <div key={id} className={`aot-key-figure${id === 'overdue' && report.totals.overdueNow > 0 ? ' aot-key-figure--alarm' : ''}`} data-figure={id}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
