/**
 * Reminders of a body's own pages (issue 19): the content plan's deadlines (Khabarovsk п. 6–7)
 * shortly before they are due and at breach, a week left without a plan when its due time has
 * passed (п. 5 абз. 4), and a registered account with no publication this week by Thursday
 * 12:00 local. Each is notified once: the keys notified live in the database (the worker may
 * have been stopped since the last check), as the message deadlines' do, under a key of their
 * own. A notification that cannot be shown is a side-effect failure: counted, not marked shown,
 * so the next check tries again.
 *
 * Whose: a curator hears of every body with a registered account, anyone else of their own
 * bodies; the curator's review deadline (п. 7 абз. 1) only a curator. Bodies without a
 * registered account keep no plans and are left alone.
 */
import type { AppDatabase } from '@/lib/db';
import { noEventsWeeks } from '@/lib/db/plans';
import { loadOwnPagesAct, loadRegistry, publicationsIn } from '@/lib/db/accounts';
import { plansOf } from '@/lib/db/plans';
import {
  activeAccounts,
  ACTS,
  contentPlanDeadlines,
  datesOf,
  planKind,
  shiftWeek,
  weeksWithoutPlan,
  weekOf,
  type ActId,
  type PlanDeadline,
} from '@/lib/accounts';
import { dayNumberOf, wallToEpochIn } from '@/lib/accounts/local';
import { t } from '@/lib/i18n';
import type { NotificationsPort } from '@/lib/platform/ports';
import { workingMinutesBetween, WorkTimeRangeError, type WorkCalendar } from '@/lib/worktime';
import { clauseText } from './accounts';
import type { Effects } from './effects';
import type { EnvSource } from './env';

export const PLANS_NOTIFIED_KEY = 'accounts.plans.notified';
/** The prefix of these notifications' ids: a click opens the options at the content plans (deadlines.ts). */
export const PLAN_NOTIFICATION_PREFIX = 'aot-plan';
/** Notified keys older than this are forgotten (their weeks are long gone). */
export const PLANS_NOTIFIED_TTL_MS = 21 * 86_400_000;
/** A plan takes longer to prepare than an answer: warned at least this many working minutes ahead. */
export const PLAN_LEAD_MINUTES = 240;
/** A week's publications are asked about from Thursday 12:00 local. */
const NO_POSTS_DAY = 3; // Thursday, counted from Monday = 0
const NO_POSTS_MINUTES = 12 * 60;

export interface PlanService {
  /** Shows what is due; resolves to how many notifications were shown. */
  check(): Promise<number>;
}

interface Due {
  key: string;
  title: string;
  message: string;
  priority: 0 | 1 | 2;
}

function minutesTo(calendar: WorkCalendar, now: number, dueAt: number): number | null {
  try {
    return workingMinutesBetween(calendar, now, dueAt);
  } catch (error) {
    if (error instanceof WorkTimeRangeError) return null;
    throw error;
  }
}

/** 'yyyy-MM-dd' → 'dd.MM.yyyy'. */
const dateText = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

function dueText(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: zone, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    ms,
  );
}

export function createPlanService(deps: { db: AppDatabase; env: EnvSource; notifications: NotificationsPort; effects: Effects }): PlanService {
  const { db, env, notifications, effects } = deps;
  return {
    async check() {
      const e = await env();
      const { now, workspace: ws, calendar } = e;
      const act: ActId = await loadOwnPagesAct(db, ws.region);
      const zone = calendar.spec.zone;
      const curator = ws.user.roles.includes('curator');
      const mine = (body: string) => curator || ws.user.bodies.includes(body);
      const bodyName = (id: string) => ws.bodies.find((b) => b.id === id)?.name ?? id;
      const registered = activeAccounts(await loadRegistry(db, act));
      const accounts = registered.filter((a) => mine(a.body));
      const bodies = [...new Set(accounts.map((a) => a.body))];
      const thisWeek = weekOf(now, zone);
      const weeks = [thisWeek, shiftWeek(thisWeek, 1)];
      const lead = Math.max(PLAN_LEAD_MINUTES, ws.notifyLeadMinutes);
      const due: Due[] = [];

      if (ACTS[act].plans)
        for (const body of bodies) {
          // The Government's plan (the Committee's, п. 2.2) has no due time, review or notice.
          const whose = planKind(registered, body);
          const plans = await plansOf(db, { body });
          // п. 5 абз. 4: a week whose plan was due and never sent.
          for (const w of weeksWithoutPlan({
            act,
            body,
            kind: whose,
            plans,
            from: thisWeek.monday,
            to: weeks[1]!.monday,
            calendar,
            now,
            noEventsWeeks: await noEventsWeeks(db, body),
          }))
            if (w.kind === 'missing')
              due.push({
                key: `${body}|${w.week}|missing`,
                title: t('plans.notify.missingTitle'),
                message: t('plans.notify.missing', { body: bodyName(body), week: dateText(w.week), due: dueText(w.dueAt, zone), clause: clauseText(w.clause) }),
                priority: 2,
              });
          for (const week of weeks) {
            const plan = plans.find((p) => p.week === week.monday) ?? { body, week: week.monday, state: 'draft' as const, items: [] };
            for (const d of contentPlanDeadlines(plan, act, calendar, now, whose)) {
              if (d.doneAt !== undefined || (d.by === 'curator' && !curator)) continue;
              // An unsent plan past its due time is the «missing» notice above.
              if (d.kind === 'planDue' && now > d.dueAt) continue;
              const kind = soonOrBreach(d, calendar, now, lead);
              if (!kind) continue;
              due.push({
                key: `${body}|${week.monday}|${d.kind}|${d.dueAt}|${kind}`,
                title: t(kind === 'breach' ? 'plans.notify.breach' : 'plans.notify.soon'),
                message: t('plans.notify.deadline', {
                  body: bodyName(body),
                  what: t(`plans.ui.deadline.${d.kind}`),
                  week: dateText(week.monday),
                  due: dueText(d.dueAt, zone),
                  clause: clauseText(d.clause),
                }),
                priority: kind === 'breach' ? 2 : 1,
              });
            }
          }
        }

      // An account with no publication this week by Thursday 12:00 local.
      const askFrom = wallToEpochIn(zone, dayNumberOf(datesOf(thisWeek)[0]!) + NO_POSTS_DAY, NO_POSTS_MINUTES);
      if (now >= askFrom)
        for (const account of accounts) {
          if ((await publicationsIn(db, account.id, thisWeek)).length > 0) continue;
          due.push({
            key: `${account.id}|${thisWeek.monday}|noPosts`,
            title: t('plans.notify.noPostsTitle'),
            message: t('plans.notify.noPosts', {
              body: bodyName(account.body),
              name: account.name,
              network: account.network === 'vk' ? t('site.vk') : t('site.ok'),
            }),
            priority: 1,
          });
        }

      const record = await db.settings.get(PLANS_NOTIFIED_KEY);
      const notified = new Map<string, number>(Object.entries((record?.value as Record<string, number> | undefined) ?? {}));
      let shown = 0;
      for (const n of due) {
        if (notified.has(n.key)) continue;
        const ok = await effects.run('notification', () =>
          notifications.create(`${PLAN_NOTIFICATION_PREFIX}|${n.key}`, { title: n.title, message: n.message, priority: n.priority }),
        );
        if (!ok) continue;
        notified.set(n.key, now);
        shown++;
      }
      let pruned = false;
      for (const [key, at] of notified)
        if (typeof at !== 'number' || now - at > PLANS_NOTIFIED_TTL_MS) {
          notified.delete(key);
          pruned = true;
        }
      if (shown || pruned) await db.settings.put({ key: PLANS_NOTIFIED_KEY, value: Object.fromEntries(notified) });
      return shown;
    },
  };
}

/** 'breach' once past due; 'soon' within the lead, counted in working time; else nothing. */
function soonOrBreach(d: PlanDeadline, calendar: WorkCalendar, now: number, lead: number): 'soon' | 'breach' | null {
  if (now > d.dueAt) return 'breach';
  const left = minutesTo(calendar, now, d.dueAt);
  return left !== null && left <= lead ? 'soon' : null;
}
