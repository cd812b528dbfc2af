/**
 * «Контент-планы» (issue 19; Khabarovsk п. 2.2, 2.6, 3.5, п. 5 абз. 4, п. 6–7): a body's weekly
 * plan of publications — its items, sending it for approval, the curator's approval or return
 * with recommendations, the act's deadlines with their clauses counting down, and a notice for
 * the weeks left without a plan. The Government's plan (a body keeping only the Government's
 * accounts: the Committee, п. 2.2) is prepared without any of that: its items only. Only where
 * the act of the own pages has content plans (Khabarovsk); elsewhere nothing is rendered. Read
 * from the database live and written on it directly, as the accounts section does.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import {
  activeAccounts,
  ACTS,
  contentPlanDeadlines,
  datesOf,
  governmentPlanClause,
  planIsSent,
  planKind,
  shiftWeek,
  weeksWithoutPlan,
  weekOf,
  type ActId,
  type BodyKind,
  type ContentPlan,
  type PlanDeadline,
  type Result,
} from '@/lib/accounts';
import { getDb } from '@/lib/db';
import { loadOwnPagesAct, loadRegistry } from '@/lib/db/accounts';
import { approvePlan, createPlan, declareNoEvents, dropItem, noEventsWeeks, plansOf, returnPlan, submitPlan, updateItems } from '@/lib/db/plans';
import { t } from '@/lib/i18n';
import { workspaceSchedule, type Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar, REGIONS, type WorkCalendar } from '@/lib/worktime';
import { errorCode } from '../errors';
import { formatInstant } from '../format';
import type { Notice } from './AccountForm';
import { accountsText, bodyName, clauseText } from './accounts-view';
import { PlanItemForm, PlanItemsTable, type ItemActions } from './PlanItems';
import { deadlineText, weekText } from './plans-view';

/** How many weeks back the notice of weeks without a plan looks (п. 5 абз. 4). */
const WEEKS_BACK = 4;
const WEEK_LABELS = ['plans.ui.weekThis', 'plans.ui.weekNext', 'plans.ui.weekLater'] as const;

/** The clock, read again every minute (deadlines turn overdue while the page is open). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Deadlines({ deadlines, zone, now }: { deadlines: readonly PlanDeadline[]; zone: string; now: number }) {
  return (
    <div data-testid="plan-deadlines">
      <h4>{t('plans.ui.deadlines')}</h4>
      <ul>
        {deadlines.map((d) => {
          const overdue = d.doneAt === undefined && now > d.dueAt;
          return (
            <li
              key={d.kind}
              data-kind={d.kind}
              data-overdue={overdue || undefined}
              className={overdue || d.met === false ? 'aot-countdown--overdue' : undefined}
            >
              {deadlineText(d, zone, now)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function MissingWeeks({
  plans,
  act,
  kind,
  body,
  thisMonday,
  calendar,
  zone,
  now,
}: {
  plans: readonly ContentPlan[];
  act: ActId;
  kind: BodyKind;
  body: string;
  thisMonday: ReturnType<typeof weekOf>;
  calendar: WorkCalendar;
  zone: string;
  now: number;
}) {
  // Weeks the body declared without newsworthy events (п. 5 абз. 3–4): no plan is missing there.
  const declared = useLiveQuery(() => noEventsWeeks(getDb(), body), [body]);
  if (!declared) return null;
  const weeks = weeksWithoutPlan({
    act,
    kind,
    body,
    plans,
    from: shiftWeek(thisMonday, -WEEKS_BACK).monday,
    to: shiftWeek(thisMonday, 1).monday,
    calendar,
    now,
    noEventsWeeks: declared,
  });
  if (!weeks.length) return null;
  return (
    <div className="aot-alert" data-testid="plan-missing">
      <h3>{t('plans.ui.missingTitle')}</h3>
      <ul>
        {weeks.map((w) => (
          <li key={w.week} className={w.kind === 'missing' ? 'aot-countdown--overdue' : undefined} data-kind={w.kind}>
            {w.kind === 'missing'
              ? t('plans.ui.missing', { week: weekText(datesOf({ monday: w.week })), due: formatInstant(w.dueAt, zone), clause: clauseText(w.clause) })
              : t('plans.ui.noEvents', { week: weekText(datesOf({ monday: w.week })), clause: clauseText(w.clause) })}{' '}
            <button type="button" className="aot-link-button" onClick={() => void declareNoEvents(getDb(), body, w.week, w.kind === 'missing')}>
              {t(w.kind === 'missing' ? 'plans.ui.declareNoEvents' : 'plans.ui.withdrawNoEvents')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReturnForm({ onReturn }: { onReturn: (text: string) => Promise<boolean> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      if (await onReturn(text.trim())) setText('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="aot-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('plans.ui.review')}</h4>
      <label className="aot-field">
        <span className="aot-field__label">{t('plans.ui.field.recommendations')}</span>
        <textarea rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="aot-buttons">
        <button type="submit" className="aot-button" disabled={busy || !text.trim()}>
          {t('plans.ui.return')}
        </button>
      </div>
    </form>
  );
}

type Write = (done: string, fn: () => Promise<Result<ContentPlan>>) => Promise<boolean>;

function PlanView({
  plan,
  workspace,
  dates,
  calendar,
  act,
  kind,
  zone,
  now,
  write,
}: {
  plan: ContentPlan;
  workspace: Workspace;
  dates: readonly string[];
  calendar: WorkCalendar;
  act: ActId;
  kind: BodyKind;
  zone: string;
  now: number;
  write: Write;
}) {
  const db = getDb();
  const roles = workspace.user.roles;
  const curator = roles.includes('curator');
  // The Government's plan is not sent, approved or returned (п. 2.2): the Committee prepares it.
  const sent = planIsSent({ act, kind });
  const canSubmit = sent && (curator || roles.includes('executor'));
  const editable = plan.state === 'draft' || plan.state === 'returned';
  const { body, week } = plan;
  const actions: ItemActions = {
    add: (item) =>
      write(t('plans.ui.itemAdded', { topic: item.topic }), () =>
        updateItems(db, body, week, [...plan.items, { ...item, id: crypto.randomUUID(), status: 'planned' }]),
      ),
    remove: async (item) =>
      void (await write(t('plans.ui.itemRemoved', { topic: item.topic }), () =>
        updateItems(
          db,
          body,
          week,
          plan.items.filter((i) => i.id !== item.id),
        ),
      )),
    drop: async (item) => void (await write(t('plans.ui.itemDropped', { topic: item.topic }), () => dropItem(db, body, week, item.id))),
  };
  return (
    <div data-testid="plan">
      {sent ? (
        <p data-testid="plan-state">
          {t('plans.ui.state', { state: t(`plans.ui.state.${plan.state}`) })}
          {plan.submittedAt !== undefined ? ` ${t('plans.ui.sentAt', { at: formatInstant(plan.submittedAt, zone) })}` : ''}
        </p>
      ) : (
        <GovernmentPlanNote act={act} />
      )}
      {plan.recommendations ? (
        <p className={plan.state === 'returned' ? 'aot-alert' : 'aot-hint'} data-testid="plan-recommendations">
          {t('plans.ui.recommendations', { text: plan.recommendations })}
        </p>
      ) : null}
      <PlanItemsTable
        plan={plan}
        caption={t('plans.ui.caption', { body: bodyName(workspace, body), week: weekText(dates) })}
        editable={editable}
        actions={actions}
      />
      {editable ? <PlanItemForm dates={dates} onAdd={actions.add} /> : null}
      <div className="aot-buttons">
        {editable && canSubmit ? (
          <button
            type="button"
            className="aot-button aot-button--primary"
            disabled={!plan.items.length}
            onClick={() => void write(t('plans.ui.submitted'), () => submitPlan(db, body, week, Date.now()))}
          >
            {t('plans.ui.submit')}
          </button>
        ) : null}
        {sent && plan.state === 'submitted' && curator ? (
          <button
            type="button"
            className="aot-button aot-button--primary"
            onClick={() => void write(t('plans.ui.approved'), () => approvePlan(db, body, week, Date.now()))}
          >
            {t('plans.ui.approve')}
          </button>
        ) : null}
      </div>
      {sent && plan.state === 'submitted' && curator ? (
        <ReturnForm onReturn={(text) => write(t('plans.ui.returned'), () => returnPlan(db, body, week, Date.now(), text))} />
      ) : null}
      {sent ? <Deadlines deadlines={contentPlanDeadlines(plan, act, calendar, now, kind)} zone={zone} now={now} /> : null}
    </div>
  );
}

/** The Government's plan: prepared by the Committee (п. 2.2), without the terms of п. 6–7. */
function GovernmentPlanNote({ act }: { act: ActId }) {
  const clause = governmentPlanClause(act);
  return (
    <p className="aot-hint" data-testid="plan-government">
      {t('plans.ui.government', { clause: clause ? clauseText(clause) : '' })}
    </p>
  );
}

function Plans({ workspace, act }: { workspace: Workspace; act: ActId }) {
  const registry = useLiveQuery(() => loadRegistry(getDb(), act), [act]);
  const zone = REGIONS[workspace.region].zone;
  const calendar = useMemo(() => createWorkCalendar(workspaceSchedule(workspace)), [workspace]);
  const now = useNow();
  const id = useId();
  const own = workspace.user.bodies.find((b) => workspace.bodies.some((x) => x.id === b));
  const [body, setBody] = useState(own ?? workspace.bodies[0]?.id ?? '');
  const thisWeek = weekOf(now, zone);
  const [chosen, setChosen] = useState<string | null>(null);
  const weeks = [thisWeek, shiftWeek(thisWeek, 1), shiftWeek(thisWeek, 2)];
  const week = chosen ?? thisWeek.monday;
  const plans = useLiveQuery(() => plansOf(getDb(), { body }), [body]);
  const [notice, setNotice] = useState<Notice>(null);

  const write: Write = async (done, fn) => {
    try {
      const result = await fn();
      setNotice(result.ok ? { ok: true, text: done } : { ok: false, text: accountsText(result.error) });
      return result.ok;
    } catch (error) {
      console.warn('[aot] changing a content plan failed', error);
      setNotice({ ok: false, text: t('plans.ui.failed', { code: errorCode(error) }) });
      return false;
    }
  };

  const dates = datesOf({ monday: week });
  const plan = plans?.find((p) => p.week === week);
  // Whose plan the chosen body keeps: the Government's when it keeps only the Government's accounts.
  const kind: BodyKind = planKind(registry ? activeAccounts(registry) : [], body);
  const sent = planIsSent({ act, kind });
  return (
    <section id="plans" className="aot-section" aria-labelledby={`${id}-title`} data-testid="content-plans">
      <h2 id={`${id}-title`}>{t('plans.ui.title')}</h2>
      <p className="aot-hint">{t('plans.ui.intro')}</p>
      <div className="aot-toolbar">
        <label className="aot-field">
          <span className="aot-field__label">{t('plans.ui.field.body')}</span>
          <select value={body} onChange={(e) => setBody(e.target.value)}>
            {workspace.bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="aot-field">
          <span className="aot-field__label">{t('plans.ui.field.week')}</span>
          <select value={week} onChange={(e) => setChosen(e.target.value)}>
            {weeks.map((w, i) => (
              <option key={w.monday} value={w.monday}>
                {t(WEEK_LABELS[i] ?? 'plans.ui.weekLater', { week: weekText(datesOf(w)) })}
              </option>
            ))}
            {/* A week chosen earlier that is no longer among these (the clock moved on). */}
            {weeks.some((w) => w.monday === week) ? null : <option value={week}>{weekText(dates)}</option>}
          </select>
        </label>
      </div>
      {plans && registry && body ? (
        <>
          {sent ? <MissingWeeks plans={plans} act={act} kind={kind} body={body} thisMonday={thisWeek} calendar={calendar} zone={zone} now={now} /> : null}
          {plan ? (
            <PlanView plan={plan} workspace={workspace} dates={dates} calendar={calendar} act={act} kind={kind} zone={zone} now={now} write={write} />
          ) : (
            <div data-testid="plan">
              {sent ? null : <GovernmentPlanNote act={act} />}
              <p className="aot-muted">{t('plans.ui.none', { week: weekText(dates) })}</p>
              <div className="aot-buttons">
                <button
                  type="button"
                  className="aot-button aot-button--primary"
                  onClick={() => void write(t('plans.ui.created'), () => createPlan(getDb(), { body, week }))}
                >
                  {t('plans.ui.create')}
                </button>
              </div>
              {sent ? (
                <Deadlines deadlines={contentPlanDeadlines({ body, week, state: 'draft', items: [] }, act, calendar, now, kind)} zone={zone} now={now} />
              ) : null}
            </div>
          )}
        </>
      ) : null}
      {notice ? (
        <p
          role={notice.ok ? 'status' : 'alert'}
          className={`aot-form__notice ${notice.ok ? 'aot-form__notice--ok' : 'aot-form__notice--error'}`}
          data-testid="plans-notice"
        >
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}

/** The section, where the act of the own pages has content plans; nothing elsewhere. */
export function ContentPlans({ workspace }: { workspace: Workspace }) {
  const act = useLiveQuery(() => loadOwnPagesAct(getDb(), workspace.region), [workspace.region]);
  if (!act || !ACTS[act].plans) return null;
  return <Plans workspace={workspace} act={act} />;
}
