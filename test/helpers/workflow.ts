import { DateTime } from 'luxon';
import { getProfile, type ProfileId } from '@/lib/regulations';
import { newMessage, transition } from '@/lib/workflow/machine';
import { spoken } from './i18n';
import type { Actor, Message, WorkflowEvent } from '@/lib/model/workflow';
import { createWorkCalendar, regionalSchedule, type Region } from '@/lib/worktime';

export const curator: Actor = { id: 'cur', name: 'Куратор', roles: ['curator'], bodies: [] };
export const executor = (body: string, id = `ex-${body}`): Actor => ({ id, name: id, roles: ['executor'], bodies: [body] });

const ZONES: Record<Region, string> = { yakutia: 'Asia/Yakutsk', khabarovsk: 'Asia/Vladivostok', saratov: 'Europe/Saratov', ivanovo: 'Europe/Moscow' };

/** A scenario runner: applies commands at given local times and keeps the event log. */
export function scenario(profileId: Exclude<ProfileId, 'custom'>, detected: string, overrides: { location?: string } = {}) {
  const profile = getProfile(profileId);
  const region = profile.region!;
  const calendar = createWorkCalendar(regionalSchedule(region));
  const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONES[region] }).toMillis();
  const show = (ms: number | undefined) => (ms === undefined ? undefined : DateTime.fromMillis(ms, { zone: ZONES[region] }).toFormat('yyyy-MM-dd HH:mm'));
  const created = newMessage(
    {
      id: 'm1',
      key: 'vk:wall-1_1',
      site: 'vk',
      kind: 'post',
      url: 'https://vk.com/wall-1_1',
      author: { name: 'Житель' },
      text: 'Нет воды третий день',
      attachments: [],
      topic: 'Водоснабжение',
      location: overrides.location ?? 'Центр',
      importance: 'normal',
      detectedAt: at(detected),
    },
    curator,
    at(detected),
    profile,
    calendar,
  );
  let message: Message = created.message;
  const initial = created.message;
  const events: WorkflowEvent[] = [...created.events];
  const run = {
    profile,
    calendar,
    at,
    show,
    get message() {
      return message;
    },
    events,
    initial,
    /** Applies a command; throws with what the workflow says when it is refused. */
    do(when: string, actor: Actor, command: unknown) {
      const r = transition(message, command, actor, at(when), profile, calendar);
      if (!r.ok) throw new Error(`${JSON.stringify(command)}: ${spoken(r.error)}`);
      message = r.message;
      events.push(...r.events);
      return run;
    },
    refuse(when: string, actor: Actor, command: unknown) {
      const r = transition(message, command, actor, at(when), profile, calendar);
      if (r.ok) throw new Error(`expected ${JSON.stringify(command)} to be refused`);
      // What the person is told, said through t(reason, params) (its keys checked in every language).
      return { ...r.error, text: spoken(r.error) };
    },
  };
  return run;
}
