/**
 * The report as tables: one definition for the screen, the CSV and the XLSX file. The figures
 * come from lib/reports; the words (headers, names) are said here in the language in use.
 */
import { t, type TextKey } from '@/lib/i18n';
import type { Column, DeficiencyReport, Owner, Report, Table } from '@/lib/reports';
import { deadlineKinds } from '@/lib/regulations';
import type { Workspace } from '@/lib/workflow/workspace';
import { bodyLabel } from '../body';

const col = (key: TextKey, type: Column['type'], width?: number): Column => ({ header: t(key), type, ...(width ? { width } : {}) });

/** A body's name as the directory says it (or its id, marked, when the directory lost it). */
export function bodyNamer(ws: Workspace): (id: string) => string {
  const names = new Map(ws.bodies.map((b) => [b.id, b.name]));
  return (id) => bodyLabel(id, names.get(id));
}

export function ownerName(owner: Owner, name: (id: string) => string): string {
  if (owner.kind === 'body') return name(owner.body);
  return owner.kind === 'curator' ? t('reports.owner.curator') : t('reports.owner.unknown');
}

const TOTALS: ReadonlyArray<[keyof Report['totals'], TextKey, Column['type']]> = [
  ['captured', 'reports.figure.captured', 'integer'],
  ['routed', 'reports.figure.routed', 'integer'],
  ['answered', 'reports.figure.answered', 'integer'],
  ['interim', 'reports.figure.interim', 'integer'],
  ['returned', 'reports.figure.returned', 'integer'],
  ['notProcessable', 'reports.figure.notProcessable', 'integer'],
  ['repeats', 'reports.figure.repeats', 'integer'],
  ['openNow', 'reports.figure.openNow', 'integer'],
  ['overdueNow', 'reports.figure.overdueNow', 'integer'],
  ['answerHoursMedian', 'reports.figure.answerHoursMedian', 'hours'],
  ['answerHoursP90', 'reports.figure.answerHoursP90', 'hours'],
];

/** «Итоги»: one figure a row (a number, or working hours). */
export function totalsTable(r: Report): Table {
  return {
    name: t('reports.table.totals'),
    columns: [col('reports.col.figure', 'text', 48), col('reports.col.value', 'number', 12)],
    rows: TOTALS.map(([key, label, type]) =>
      type === 'hours' ? [`${t(label)}, ${t('reports.unit.hours')}`, round1(r.totals[key])] : [t(label), r.totals[key]],
    ),
  };
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** How deadlines came out: on time, late, overdue, not yet due, and the share met. */
const outcomeColumns = (): Column[] => [
  col('reports.col.onTime', 'integer'),
  col('reports.col.late', 'integer'),
  col('reports.col.overdue', 'integer'),
  col('reports.col.pending', 'integer'),
  col('reports.col.onTimeShare', 'percent'),
];

/** «Сроки»: each kind of deadline of the period: on time, late, overdue, not yet due; then the curator's own. */
export function deadlinesTable(r: Report): Table {
  const rows = deadlineKinds
    .map((kind) => ({ kind, c: r.deadlines[kind] }))
    .filter(({ c }) => c && c.onTime + c.late + c.overdue + c.pending > 0)
    .map(({ kind, c }) => [t(`deadline.${kind}`), c.onTime, c.late, c.overdue, c.pending, share(c.onTime, c.onTime + c.late + c.overdue)]);
  return {
    name: t('reports.table.deadlines'),
    columns: [col('reports.col.deadline', 'text', 30), ...outcomeColumns()],
    rows,
  };
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** «Сроки куратора»: the curator's own deadlines of the period (routing, approval, the summary). */
export function curatorTable(r: Report): Table {
  const c = r.curator;
  return {
    name: t('reports.table.curator'),
    columns: [col('reports.col.owner', 'text', 20), ...outcomeColumns()],
    rows: [[t('reports.owner.curator'), c.onTime, c.late, c.overdue, c.pending, c.onTimeShare]],
  };
}

/** «Органы»: per body, received, on time, overdue now, returns, rework rounds per answer, checker score. */
export function bodiesTable(r: Report, name: (id: string) => string): Table {
  return {
    name: t('reports.table.bodies'),
    columns: [
      col('reports.col.body', 'text', 44),
      col('reports.col.received', 'integer'),
      col('reports.col.onTimeShare', 'percent'),
      col('reports.col.late', 'integer'),
      col('reports.col.overdueNow', 'integer'),
      col('reports.col.returns', 'integer'),
      col('reports.col.answers', 'integer'),
      col('reports.col.reworkPerAnswer', 'number'),
      col('reports.col.averageScore', 'integer'),
    ],
    rows: r.bodies.map((b) => [
      name(b.body),
      b.received,
      b.onTimeShare,
      b.deadlines.late + b.deadlines.overdue,
      b.overdueNow,
      b.returns,
      b.answers,
      b.reworkPerAnswer,
      b.averageScore === null ? null : Math.round(b.averageScore),
    ]),
  };
}

/** «Темы» or «Территории»: count this period, the previous one, and the change. */
export function changeTable(r: Report, which: 'topics' | 'locations'): Table {
  return {
    name: t(which === 'topics' ? 'reports.table.topics' : 'reports.table.locations'),
    columns: [
      col(which === 'topics' ? 'reports.col.topic' : 'reports.col.location', 'text', 36),
      col('reports.col.count', 'integer'),
      col('reports.col.previous', 'integer'),
      col('reports.col.change', 'integer'),
      col('reports.col.changeShare', 'percent'),
    ],
    rows: r[which].map((row) => [row.key || t('reports.none'), row.count, row.previous, row.change, row.changeShare]),
  };
}

/** «По дням»: messages per local day, a column per topic. */
export function dailyTable(r: Report): Table {
  const { days, topics, counts } = r.daily;
  return {
    name: t('reports.table.daily'),
    columns: [
      col('reports.col.day', 'text', 12),
      ...topics.map((topic) => ({ header: topic || t('reports.none'), type: 'integer' as const })),
      col('reports.col.total', 'integer'),
    ],
    rows: days.map((day, d) => {
      const row = topics.map((_, i) => counts[i]?.[d] ?? 0);
      return [dayLabel(day), ...row, row.reduce((a, b) => a + b, 0)];
    }),
  };
}

/** 'yyyy-MM-dd' as dd.MM.yyyy. */
export const dayLabel = (day: string) => day.split('-').reverse().join('.');

/** «Время ответа»: how many first replies came within each span of working hours. */
export function answerTimeTable(r: Report): Table {
  return {
    name: t('reports.table.answerTime'),
    columns: [col('reports.col.hours', 'text', 20), col('reports.col.count', 'integer')],
    rows: r.answerTime.map((b) => [bucketLabel(b.fromHours, b.toHours), b.count]),
  };
}

export const bucketLabel = (from: number, to: number | null) =>
  to === null ? t('reports.bucket.over', { from }) : from === 0 ? t('reports.bucket.upTo', { to }) : t('reports.bucket.between', { from, to });

/** «Нарушения»: every breach of the period, by whom it fell to and the clause. */
export function deficiencyTable(d: DeficiencyReport, name: (id: string) => string): Table {
  const rows = d.groups.flatMap((g) =>
    g.clauses.flatMap(({ clause, entries }) =>
      entries.map((e) => [
        ownerName(g.owner, name),
        clause,
        t(`deadline.${e.kind}` as TextKey),
        e.dueAt,
        e.doneAt ?? null,
        e.lateMinutes === null ? null : Math.round(e.lateMinutes / 6) / 10,
        t(e.state === 'late' ? 'reports.state.late' : 'reports.state.overdue'),
        e.actor ?? '',
        e.assignee ?? '',
        e.topic,
        e.location,
        e.url,
      ]),
    ),
  );
  return {
    name: t('reports.table.deficiency'),
    columns: [
      col('reports.col.owner', 'text', 36),
      col('reports.col.clause', 'text', 14),
      col('reports.col.deadline', 'text', 26),
      col('reports.col.dueAt', 'datetime'),
      col('reports.col.doneAt', 'datetime'),
      col('reports.col.lateHours', 'hours'),
      col('reports.col.state', 'text', 14),
      col('reports.col.actor', 'text', 20),
      col('reports.col.assignee', 'text', 20),
      col('reports.col.topic', 'text', 24),
      col('reports.col.location', 'text', 20),
      col('reports.col.link', 'text', 40),
    ],
    rows,
  };
}

/** Every table of a summary or free-period report, in the page's order. */
export function reportTables(r: Report, ws: Workspace): Table[] {
  const name = bodyNamer(ws);
  return [
    totalsTable(r),
    deadlinesTable(r),
    curatorTable(r),
    bodiesTable(r, name),
    changeTable(r, 'topics'),
    changeTable(r, 'locations'),
    dailyTable(r),
    answerTimeTable(r),
  ];
}
