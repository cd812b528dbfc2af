/**
 * Capture from the page: saving a post or comment, what the page's controls show for the items
 * already captured, the directory the capture form offers, and repeat candidates.
 */
import type { AppDatabase } from '@/lib/db';
import { findByKeys, repeatCandidates, saveCapture } from '@/lib/db/messages';
import type { Handlers } from '@/lib/messaging/router';
import { deadlineKinds, planDeadlines, type DeadlineKind } from '@/lib/regulations';
import { factsOf } from '@/lib/workflow/machine';
import type { Message } from '@/lib/model/workflow';
import type { Workspace } from '@/lib/workflow/workspace';
import type { WorkCalendar } from '@/lib/worktime';
import { workingTimeLeft } from '@/lib/worktime/left';
import type { BadgeService } from './badge';
import type { EnvSource } from './env';

/**
 * What the curator is told at capture: the act's answer term, or where the act states none
 * (Khabarovsk) the next step's own deadline — never an invented total.
 */
export function answerDue(m: Message, ws: Workspace, calendar: WorkCalendar): { dueAt: number; dueKind?: DeadlineKind } {
  const answer = planDeadlines(ws.profile, calendar, factsOf(m, ws.profile)).deadlines.find((d) => d.kind === 'answer');
  if (answer) return { dueAt: answer.dueAt };
  const kind = deadlineKinds.find((k) => k === m.nextDueKind);
  return m.nextDueAt !== undefined && kind ? { dueAt: m.nextDueAt, dueKind: kind } : { dueAt: m.detectedAt };
}

export interface CaptureDeps {
  db: AppDatabase;
  env: EnvSource;
  badge: BadgeService;
  newId: () => string;
  /** After a capture is committed (the immediate-alert check); its failure is not the capture's. */
  onSaved?: () => void;
}

export function captureHandlers({
  db,
  env,
  badge,
  newId,
  onSaved,
}: CaptureDeps): Pick<Handlers, 'capture.save' | 'capture.lookup' | 'capture.directory' | 'capture.repeats'> {
  return {
    'capture.save': async (data) => {
      const e = await env();
      const { message, created } = await saveCapture(db, data, { ...e, newId });
      // Committed: the badge follows, and its failure is not the capture's.
      void badge.refresh();
      onSaved?.();
      return {
        id: message.id,
        created,
        ...answerDue(message, e.workspace, e.calendar),
        ...(message.nextDueAt ? { nextDueAt: message.nextDueAt } : {}),
        zone: e.calendar.spec.zone,
      };
    },
    'capture.lookup': async ({ keys }) => {
      const found = await findByKeys(db, keys);
      if (!found.length) return { found: [] };
      const e = await env();
      return {
        zone: e.calendar.spec.zone,
        found: found.map((m) => ({
          key: m.key,
          id: m.id,
          status: m.status,
          step: m.step,
          ...answerDue(m, e.workspace, e.calendar),
          ...(m.status === 'open' && m.nextDueAt ? { nextDueAt: m.nextDueAt, workingMsLeft: workingTimeLeft(e.calendar, e.now, m.nextDueAt).ms } : {}),
        })),
      };
    },
    'capture.directory': async () => {
      const { workspace: ws, calendar } = await env();
      // Bodies, then the people of each body (routed to them, or their substitute while absent).
      const people = ws.bodies.flatMap((b) => b.executors.map((p) => ({ id: p.id, name: `${p.name} — ${b.name}` })));
      return {
        zone: calendar.spec.zone,
        topics: ws.topics.map((x) => x.name),
        locations: ws.locations,
        bodies: [...ws.bodies.map((b) => ({ id: b.id, name: b.name })), ...people].slice(0, 500),
        locationRequired: ws.profile.locationRequired,
      };
    },
    'capture.repeats': async ({ item, topic, location }) => {
      const { now } = await env();
      const found = await repeatCandidates(db, { ...item, ...(topic ? { topic } : {}), ...(location ? { location } : {}) }, now);
      const messages = await db.messages.bulkGet(found.map((c) => c.id));
      return {
        candidates: found.flatMap((c, i) => {
          const m = messages[i];
          return m ? [{ ...c, text: m.text.slice(0, 300), detectedAt: m.detectedAt, step: m.step }] : [];
        }),
      };
    },
  };
}
