import { useLiveQuery } from 'dexie-react-hooks';
import { platform } from '@/lib/platform';
import { useEffect, useMemo } from 'react';
import { getDb, queueFor } from '@/lib/db';
import { isOrphan } from '@/lib/workflow/workspace';
import { loadWorkspace } from '@/lib/db/messages';
import { t } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import { errorText, reasonText } from '../errors';
import { bodyLabel } from '../body';
import { stepSchema, type Command } from '@/lib/model/workflow';
import { queueKeys } from '@/lib/workflow/notify';
import { MessageList } from '../MessageList';
import { calendarFor } from '../state/calendar';
import { startClock, useClock } from '../state/clock';
import { defaultRole, DESK_SELECTED_KEY, useDesk, type DeskRole } from '../state/desk';
import { filterQueue } from './filter';
import { Alerts } from './Alerts';
import { Refusals } from './Refusals';
import { MessageCard } from './MessageCard';

/** The side panel's working desk: the queue of the current role, filters, the message card. */
export function Desk() {
  const { role: chosen, selectedId, step, body, topic, dueToday, search, overdueOnly, set } = useDesk();
  const workspace = useLiveQuery(() => loadWorkspace(getDb()), []);
  const role = chosen ?? defaultRole(workspace?.user.roles ?? []);
  const keys = useMemo(
    () =>
      !workspace || role === 'archive'
        ? []
        : role === 'curator'
          ? ['role:curator']
          : role === 'executor'
            ? [`user:${workspace.user.id}`, ...workspace.user.bodies.map((b) => `body:${b}`)]
            : queueKeys(workspace.user),
    [workspace, role],
  );
  const seesOrphans = !!workspace && (role === 'curator' || role === 'all') && workspace.user.roles.includes('curator');
  const queue = useLiveQuery(async () => {
    // The archive: closed messages, the latest first (published and not processable ones are found here).
    if (role === 'archive') return (await getDb().messages.where('status').equals('closed').sortBy('updatedAt')).reverse().slice(0, 1000);
    const mine = keys.length ? await queueFor(getDb(), keys) : [];
    if (!seesOrphans || !workspace) return mine;
    // Messages no queue of this workspace holds (their body left the directory) come to the
    // curator: the queue keys in use are read from the index (keys only), and only the unknown
    // ones are looked up, so the whole open list is not read on every change.
    const known = new Set([
      'role:curator',
      `user:${workspace.user.id}`,
      ...workspace.bodies.map((b) => `body:${b.id}`),
      ...workspace.bodies.flatMap((b) => b.executors.map((p) => `user:${p.id}`)),
    ]);
    const unknown = ((await getDb().messages.orderBy('openFor').uniqueKeys()) as string[]).filter((k) => !known.has(k));
    const candidates = unknown.length ? await queueFor(getDb(), unknown) : [];
    const orphans = candidates.filter((m) => isOrphan(m, workspace) && !mine.some((x) => x.id === m.id));
    return [...mine, ...orphans];
  }, [keys.join('|'), seesOrphans, workspace, role]);
  const selected = useLiveQuery(async () => (selectedId ? await getDb().messages.get(selectedId) : undefined), [selectedId]);
  useEffect(() => startClock(), []);
  // The popup asks the desk to open a message (UI state in session storage, not the database).
  useEffect(() => {
    const take = (id: unknown) => {
      if (typeof id === 'string') set({ selectedId: id });
    };
    const { session } = platform();
    void session.get(DESK_SELECTED_KEY).then((v) => take(v[DESK_SELECTED_KEY]));
    return session.onChanged((changes) => take(changes[DESK_SELECTED_KEY]?.newValue));
  }, [set]);
  const now = useClock((s) => Math.floor(s.now / 60_000)) * 60_000;

  if (!workspace) return <p className="aot-empty">{t('list.loading')}</p>;
  const calendar = calendarFor(workspace);
  const bodyName = (id: string) => bodyLabel(id, workspace.bodies.find((b) => b.id === id)?.name);
  const visible = filterQueue(queue ?? [], { step, body, topic, dueToday, overdueOnly, search }, now, calendar);
  // The choices offered: what the queue holds (and what is chosen now).
  const bodies = [...new Set([...(queue ?? []).flatMap((m) => m.bodies), ...(body ? [body] : [])])];
  const topics = [...new Set([...(queue ?? []).map((m) => m.topic), ...(topic ? [topic] : [])])].sort((a, b) => a.localeCompare(b, 'ru'));

  const run = async (command: Command): Promise<string | null> => {
    if (!selectedId) return null;
    try {
      const reply = await request('message.command', { id: selectedId, command });
      return reply.ok ? null : reasonText(reply);
    } catch (error) {
      return errorText(error);
    }
  };

  const publishInPlace = async (text?: string): Promise<string | null> => {
    if (!selectedId) return null;
    try {
      const reply = await request('publish.start', { id: selectedId, ...(text ? { text } : {}) });
      return reply.ok ? null : reasonText(reply);
    } catch (error) {
      return errorText(error);
    }
  };

  return (
    <div className="aot-desk">
      <Shortcuts visible={visible.map((m) => m.id)} selectedId={selectedId} onSelect={(id) => set({ selectedId: id })} />
      <div className="aot-toolbar">
        <label className="aot-field aot-field--inline">
          <span className="aot-field__label">{t('desk.role')}</span>
          <select value={role} onChange={(e) => set({ role: e.target.value as DeskRole, selectedId: null })}>
            <option value="curator">{t('desk.role.curator')}</option>
            <option value="executor">{t('desk.role.executor')}</option>
            {workspace.user.roles.length > 1 ? <option value="all">{t('desk.role.all')}</option> : null}
            <option value="archive">{t('desk.role.archive')}</option>
          </select>
        </label>
      </div>
      {/* What the team server refused: all of it on the queue, the message's own on its card. */}
      <Refusals {...(selected ? { messageId: selected.id } : {})} zone={calendar.spec.zone} onOpen={(id) => set({ selectedId: id })} />
      {workspace.user.roles.includes('curator') && !selected ? <Alerts workspace={workspace} zone={calendar.spec.zone} now={now} /> : null}
      {selected ? (
        <MessageCard
          message={selected}
          workspace={workspace}
          calendar={calendar}
          role={role === 'archive' ? 'all' : role}
          run={run}
          publishInPlace={publishInPlace}
          onBack={() => set({ selectedId: null })}
        />
      ) : (
        <section className="aot-section" aria-label={t('desk.queue')}>
          <div className="aot-filters">
            <input
              type="search"
              aria-label={t('desk.search')}
              placeholder={t('desk.search')}
              value={search}
              onChange={(e) => set({ search: e.target.value })}
            />
            <FilterSelect
              label={t('desk.filter.step')}
              all={t('desk.filter.all')}
              value={step}
              options={stepSchema.options}
              name={(s) => t(`step.${s}`)}
              onChange={(v) => set({ step: v })}
            />
            <FilterSelect
              label={t('desk.filter.body')}
              all={t('desk.filter.allBodies')}
              value={body}
              options={bodies}
              name={bodyName}
              onChange={(v) => set({ body: v })}
            />
            <FilterSelect
              label={t('desk.filter.topic')}
              all={t('desk.filter.allTopics')}
              value={topic}
              options={topics}
              name={(x) => x}
              onChange={(v) => set({ topic: v })}
            />
            <label>
              <input type="checkbox" checked={dueToday} onChange={(e) => set({ dueToday: e.target.checked })} /> {t('desk.filter.dueToday')}
            </label>
            <label>
              <input type="checkbox" checked={overdueOnly} onChange={(e) => set({ overdueOnly: e.target.checked })} /> {t('desk.filter.overdue')}
            </label>
          </div>
          {queue && visible.length === 0 ? <p className="aot-empty">{t('desk.empty')}</p> : null}
          {visible.length ? <MessageList messages={visible} calendar={calendar} bodyName={bodyName} onOpen={(id) => set({ selectedId: id })} /> : null}
          <p className="aot-hint">{t('desk.shortcuts')}</p>
        </section>
      )}
    </div>
  );
}

/** One of the queue's filters: "all", then each option by its name. */
function FilterSelect<T extends string>(props: {
  label: string;
  all: string;
  value: string;
  options: readonly T[];
  name: (option: T) => string;
  onChange: (value: string) => void;
}) {
  return (
    <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{props.all}</option>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {props.name(o)}
        </option>
      ))}
    </select>
  );
}

/**
 * The desk's keys, wherever the focus is in the panel (not only inside the list): J/K next and
 * previous, Esc back to the queue; never while typing in a field.
 */
function Shortcuts({ visible, selectedId, onSelect }: { visible: string[]; selectedId: string | null; onSelect: (id: string | null) => void }) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey || (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable))) return;
      const index = visible.indexOf(selectedId ?? '');
      if (e.key === 'Escape') onSelect(null);
      else if (e.key === 'j' || e.key === 'о') onSelect(visible[Math.min(visible.length - 1, index + 1)] ?? null);
      else if (e.key === 'k' || e.key === 'л') onSelect(visible[Math.max(0, index - 1)] ?? null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, selectedId, onSelect]);
  return null;
}
