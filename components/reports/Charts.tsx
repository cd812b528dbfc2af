/**
 * The report's charts (Recharts: SVG, keyboard-reachable with its accessibility layer), each
 * with the table it is drawn from right behind it: a chart is for looking, the table for reading
 * and for screen readers. Only the reports page loads this module.
 */
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '@/lib/i18n';
import type { Report, Table } from '@/lib/reports';
import { DataTable } from './DataTable';
import { answerTimeTable, bucketLabel, changeTable, dailyTable, dayLabel } from './tables';

/** Distinguishable in colour and in grey print (Okabe–Ito, then darker tones). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#7F7F7F'];
/**
 * A fixed size, the same on screen and on A4 paper (A4's printable width is about 700 CSS px):
 * a responsive chart measures its container, and in print it measures nothing (recharts#1114).
 */
const SIZE = { width: 680, height: 260 };
/** Topics drawn one by one; the rest are one «other» band. */
const TOP_TOPICS = 8;

function ChartFigure({
  id,
  title,
  summary,
  table,
  zone,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  table: Table;
  zone: string;
  children: ReactNode;
}) {
  return (
    <figure className="aot-chart" data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <figcaption id={`chart-${id}-title`}>{title}</figcaption>
      <div className="aot-chart__plot" role="img" aria-label={summary}>
        {children}
      </div>
      <details className="aot-chart__table">
        <summary>{t('reports.chart.table')}</summary>
        <DataTable table={table} zone={zone} />
      </details>
    </figure>
  );
}

/** Messages per day, stacked by topic (the busiest topics; the rest together). */
export function DailyChart({ report }: { report: Report }) {
  const { days, topics, counts } = report.daily;
  const totals = topics.map((_, i) => (counts[i] ?? []).reduce((a, b) => a + b, 0));
  const order = topics.map((_, i) => i).sort((a, b) => totals[b]! - totals[a]!);
  const shown = order.slice(0, TOP_TOPICS);
  const rest = order.slice(TOP_TOPICS);
  const other = t('reports.chart.otherTopics');
  const series = [...shown.map((i) => topics[i] || t('reports.none')), ...(rest.length ? [other] : [])];
  const data = days.map((day, d) => {
    const point: Record<string, string | number> = { day: dayLabel(day).slice(0, 5) };
    shown.forEach((i) => (point[topics[i] || t('reports.none')] = counts[i]?.[d] ?? 0));
    if (rest.length) point[other] = rest.reduce((sum, i) => sum + (counts[i]?.[d] ?? 0), 0);
    return point;
  });
  const total = totals.reduce((a, b) => a + b, 0);
  return (
    <ChartFigure
      id="daily"
      title={t('reports.chart.daily')}
      summary={t('reports.chart.dailySummary', { count: total, days: days.length })}
      table={dailyTable(report)}
      zone={report.zone}
    >
      <BarChart {...SIZE} data={data} accessibilityLayer margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} width={36} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((name, i) => (
          <Bar key={name} dataKey={name} stackId="topics" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/** On-time share per body (deadlines of the period). */
export function BodiesChart({ report, name }: { report: Report; name: (id: string) => string }) {
  const rows = report.bodies.filter((b) => b.onTimeShare !== null);
  const data = rows.map((b) => ({ body: name(b.body), share: Math.round((b.onTimeShare ?? 0) * 1000) / 10 }));
  const table: Table = {
    name: t('reports.chart.bodies'),
    columns: [
      { header: t('reports.col.body'), type: 'text' },
      { header: t('reports.col.onTimeShare'), type: 'percent' },
    ],
    rows: rows.map((b) => [name(b.body), b.onTimeShare]),
  };
  return (
    <ChartFigure
      id="bodies"
      title={t('reports.chart.bodies')}
      summary={t('reports.chart.bodiesSummary', { count: rows.length })}
      table={table}
      zone={report.zone}
    >
      <BarChart {...SIZE} data={data} layout="vertical" accessibilityLayer margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit="%" fontSize={12} />
        <YAxis type="category" dataKey="body" width={200} fontSize={11} />
        <Tooltip formatter={(v) => `${String(v)} %`} />
        <Bar dataKey="share" name={t('reports.col.onTimeShare')} fill={PALETTE[2]} maxBarSize={40} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** How long first replies took, in working hours. */
export function AnswerTimeChart({ report }: { report: Report }) {
  const data = report.answerTime.map((b) => ({ span: bucketLabel(b.fromHours, b.toHours), count: b.count }));
  return (
    <ChartFigure
      id="answer-time"
      title={t('reports.chart.answerTime')}
      summary={t('reports.chart.answerTimeSummary', { count: report.totals.answerTimes })}
      table={answerTimeTable(report)}
      zone={report.zone}
    >
      <BarChart {...SIZE} data={data} accessibilityLayer margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="span" fontSize={11} />
        <YAxis allowDecimals={false} fontSize={12} width={36} />
        <Tooltip />
        <Bar dataKey="count" name={t('reports.col.count')} fill={PALETTE[0]} maxBarSize={64} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** Topics against the previous period of the same length. */
export function ChangeChart({ report }: { report: Report }) {
  const rows = report.topics.slice(0, 12);
  const data = rows.map((r) => ({ topic: r.key || t('reports.none'), previous: r.previous, count: r.count }));
  return (
    <ChartFigure
      id="change"
      title={t('reports.chart.change')}
      summary={t('reports.chart.changeSummary', { count: rows.length })}
      table={changeTable(report, 'topics')}
      zone={report.zone}
    >
      <BarChart {...SIZE} data={data} accessibilityLayer margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="topic" fontSize={11} />
        <YAxis allowDecimals={false} fontSize={12} width={36} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="previous" name={t('reports.col.previous')} fill={PALETTE[8]} maxBarSize={48} isAnimationActive={false} />
        <Bar dataKey="count" name={t('reports.chart.thisPeriod')} fill={PALETTE[0]} maxBarSize={48} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
