/**
 * The reports page (issue 18): the region's summary for the period its act sets, the deficiency
 * report, or a free period; filters; figures, charts with their tables, export to XLSX and CSV,
 * and a print view for A4. The figures are lib/reports'; this page reads the data and says them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { getDb } from '@/lib/db';
import { loadWorkspace } from '@/lib/db/messages';
import { reportData } from '@/lib/db/reports';
import { t } from '@/lib/i18n';
import {
  answerScorer,
  buildReport,
  createReportCache,
  deficiencyReport,
  precedingPeriod,
  ReportError,
  summaryPeriod,
  type Period,
  type ReportFilters,
  type SummaryPeriod,
} from '@/lib/reports';
import type { Workspace } from '@/lib/workflow/workspace';
import { REGIONS } from '@/lib/worktime';
import { calendarFor } from '../state/calendar';
import { useClock } from '../state/clock';
import { formatDateTime } from '../format';
import { AnswerTimeChart, BodiesChart, ChangeChart, DailyChart } from './Charts';
import { DataTable } from './DataTable';
import { Deficiency } from './Deficiency';
import { Downloads } from './Downloads';
import { Filters, type FilterOptions } from './Filters';
import { FigureHelp } from './FigureHelp';
import { KeyFigures } from './KeyFigures';
import { PeriodPicker } from './PeriodPicker';
import { bodiesTable, bodyNamer, changeTable, curatorTable, deadlinesTable, deficiencyTable, reportTables, totalsTable } from './tables';

export type ReportKind = 'summary' | 'deficiency' | 'free';

/** Which report the page opens on: ?kind=deficiency|free (the desk's and popup's links). */
export function initialKind(search: string): ReportKind {
  const kind = new URLSearchParams(search).get('kind');
  return kind === 'deficiency' || kind === 'free' ? kind : 'summary';
}

export function ReportsPage() {
  const workspace = useLiveQuery(() => loadWorkspace(getDb()), []);
  if (!workspace) return <p role="status">{t('reports.loading')}</p>;
  return <Reports workspace={workspace} />;
}

/** Closed <details> (a chart's table, the help) open for printing and close again after. */
function usePrintOpensDetails(): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

function Reports({ workspace }: { workspace: Workspace }) {
  usePrintOpensDetails();
  const calendar = useMemo(() => calendarFor(workspace), [workspace]);
  const zone = calendar.spec.zone;
  // The report is as of when the page was opened (or refreshed), not re-counted every minute.
  const [now, setNow] = useState(() => useClock.getState().now);
  const summary = useMemo<SummaryPeriod | null>(() => {
    try {
      return summaryPeriod(workspace.profile, calendar, now);
    } catch {
      return null;
    }
  }, [workspace.profile, calendar, now]);
  const [kind, setKind] = useState<ReportKind>(() => initialKind(location.search));
  const [chosen, setChosen] = useState<Period | null>(null);
  const period = chosen ?? summary?.period ?? null;
  const [filters, setFilters] = useState<ReportFilters>({});

  const previous = useMemo(() => (period ? safe(() => precedingPeriod(period)) : null), [period]);
  const data = useLiveQuery(
    () => (period && previous ? reportData(getDb(), previous.from, period.to) : Promise.resolve(null)),
    [period?.from, period?.to, previous?.from],
  );
  const score = useMemo(() => answerScorer(workspace.disabledLintRules), [workspace.disabledLintRules]);
  // Each message's deadlines planned once while the page is open: other filters or periods reuse them.
  const cache = useMemo(() => createReportCache(), []);
  const name = useMemo(() => bodyNamer(workspace), [workspace]);

  const result = useMemo(() => {
    if (!data || !period || !previous) return null;
    try {
      if (kind === 'deficiency')
        return { deficiency: deficiencyReport({ messages: data.messages, events: data.events, profile: workspace.profile, calendar, period, now, filters }) };
      return {
        report: buildReport({
          messages: data.messages,
          events: data.events,
          profile: workspace.profile,
          calendar,
          period,
          previous,
          now,
          filters,
          bodies: workspace.bodies.map((b) => b.id),
          score,
          cache,
        }),
      };
    } catch (error) {
      return { error };
    }
  }, [data, period, previous, kind, workspace, calendar, now, filters, score, cache]);

  const options = useMemo<FilterOptions>(() => filterOptions(workspace, data?.messages ?? []), [workspace, data]);
  const tables =
    result && 'report' in result && result.report
      ? reportTables(result.report, workspace)
      : result && 'deficiency' in result && result.deficiency
        ? [deficiencyTable(result.deficiency, name)]
        : [];
  const title =
    kind === 'deficiency'
      ? t('reports.kind.deficiency')
      : kind === 'free'
        ? t('reports.kind.free')
        : t(summary?.kind === 'monthly' ? 'reports.kind.monthly' : 'reports.kind.weekly');

  return (
    <div className="aot-reports">
      <header className="aot-reports__header">
        <h1>{t('reports.title')}</h1>
        <p className="aot-reports__region">
          {REGIONS[workspace.region].name} — {workspace.profile.act} · {t('reports.zone', { zone })}
        </p>
      </header>
      <nav className="aot-reports__kinds no-print" aria-label={t('reports.kinds')}>
        {(['summary', 'deficiency', 'free'] as const).map((k) => (
          <button key={k} type="button" className="aot-tab" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {k === 'summary' ? t(summary?.kind === 'monthly' ? 'reports.kind.monthly' : 'reports.kind.weekly') : t(`reports.kind.${k}`)}
          </button>
        ))}
      </nav>
      {summary && kind === 'summary' ? <SummaryDue summary={summary} zone={zone} chosen={chosen} onReset={() => setChosen(null)} /> : null}
      <section className="aot-reports__controls no-print" aria-label={t('reports.controls')}>
        <PeriodPicker zone={zone} period={period} onChange={(p) => setChosen(p)} />
        <Filters options={options} value={filters} onChange={setFilters} />
        <div className="aot-reports__actions">
          <button type="button" className="aot-button" onClick={() => setNow(Date.now())}>
            {t('reports.refresh')}
          </button>
          <Downloads tables={tables} zone={zone} fileBase={fileBase(kind, period, zone)} />
          <button type="button" className="aot-button" onClick={() => window.print()}>
            {t('reports.print')}
          </button>
        </div>
      </section>
      <h2 className="aot-reports__title" data-testid="report-title">
        {title}
        {period ? `: ${periodText(period, zone)}` : ''}
      </h2>
      <p className="aot-reports__asof">
        {t('reports.asOf', { at: formatDateTime(now, zone) })}
        {previous && kind !== 'deficiency' ? ` · ${t('reports.comparedWith', { period: periodText(previous, zone) })}` : ''}
      </p>
      {!data ? <p role="status">{t('reports.loading')}</p> : null}
      {result && 'error' in result ? (
        <p role="alert" className="aot-form__notice aot-form__notice--error">
          {errorText(result.error)}
        </p>
      ) : null}
      {result && 'report' in result && result.report ? (
        <>
          <KeyFigures report={result.report} />
          {result.report.skipped.length ? <p role="note">{t('reports.skipped', { count: result.report.skipped.length })}</p> : null}
          <section aria-labelledby="sec-totals">
            <h3 id="sec-totals">{t('reports.table.totals')}</h3>
            <DataTable table={totalsTable(result.report)} zone={zone} testId="table-totals" />
            <DataTable table={deadlinesTable(result.report)} zone={zone} testId="table-deadlines" caption={t('reports.table.deadlines')} />
            <DataTable table={curatorTable(result.report)} zone={zone} testId="table-curator" caption={t('reports.table.curator')} />
          </section>
          <section aria-labelledby="sec-bodies" className="aot-page-break">
            <h3 id="sec-bodies">{t('reports.table.bodies')}</h3>
            <DataTable table={bodiesTable(result.report, name)} zone={zone} testId="table-bodies" />
            <BodiesChart report={result.report} name={name} />
          </section>
          <section aria-labelledby="sec-topics" className="aot-page-break">
            <h3 id="sec-topics">{t('reports.table.topics')}</h3>
            <DailyChart report={result.report} />
            <ChangeChart report={result.report} />
            <DataTable table={changeTable(result.report, 'topics')} zone={zone} testId="table-topics" />
            <h3>{t('reports.table.locations')}</h3>
            <DataTable table={changeTable(result.report, 'locations')} zone={zone} testId="table-locations" />
          </section>
          <section aria-labelledby="sec-answer-time">
            <h3 id="sec-answer-time">{t('reports.table.answerTime')}</h3>
            <AnswerTimeChart report={result.report} />
          </section>
          <FigureHelp />
        </>
      ) : null}
      {result && 'deficiency' in result && result.deficiency ? (
        <section aria-labelledby="sec-deficiency">
          <h3 id="sec-deficiency">{t('reports.deficiency.count', { count: result.deficiency.entries.length })}</h3>
          <p className="aot-reports__note">{t('reports.deficiency.note')}</p>
          <Deficiency report={result.deficiency} workspace={workspace} name={name} zone={zone} />
        </section>
      ) : null}
    </div>
  );
}

function SummaryDue({ summary, zone, chosen, onReset }: { summary: SummaryPeriod; zone: string; chosen: Period | null; onReset: () => void }) {
  return (
    <p className={`aot-reports__due aot-reports__due--${summary.state}`} role={summary.state === 'scheduled' ? undefined : 'status'} data-testid="summary-due">
      {t(`reports.due.${summary.state}`, {
        period: periodText(summary.period, zone),
        due: formatDateTime(summary.dueAt, zone),
        clause: summary.clause,
      })}
      {summary.dueSource === 'default' ? ` ${t('reports.due.default')}` : ''}
      {chosen ? (
        <button type="button" className="aot-link no-print" onClick={onReset}>
          {t('reports.due.back')}
        </button>
      ) : null}
    </p>
  );
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

function filterOptions(ws: Workspace, messages: readonly { topic: string; location: string; importance: string }[]): FilterOptions {
  const topics = new Set(ws.topics.map((x) => x.name));
  const locations = new Set(ws.locations);
  for (const m of messages) {
    if (m.topic) topics.add(m.topic);
    if (m.location) locations.add(m.location);
  }
  const collator = new Intl.Collator('ru');
  return {
    bodies: ws.bodies.map((b) => ({ id: b.id, name: b.name })),
    topics: [...topics].sort(collator.compare),
    locations: [...locations].sort(collator.compare),
    importance: ws.profile.importance.map((c) => ({ id: c.id, label: c.label })),
  };
}

/** "23.11.2026 — 29.11.2026": the period's first and last local day. */
export function periodText(p: Period, zone: string): string {
  const day = (ms: number) => new Intl.DateTimeFormat('ru-RU', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);
  return `${day(p.from)} — ${day(p.to - 1)}`;
}

function fileBase(kind: ReportKind, period: Period | null, zone: string): string {
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  return `${kind === 'deficiency' ? 'deficiency' : 'report'}-${period ? `${day(period.from)}_${day(period.to - 1)}` : 'period'}`;
}

function errorText(error: unknown): string {
  if (error instanceof ReportError) return t(`reports.error.${error.code}`, { value: String(error.params.value) });
  return t('reports.error.unknown');
}
