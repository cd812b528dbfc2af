/**
 * What the team server refused, on the desk: the step, why, and what happened to the message
 * before it (who changed it, when) — never silently dropped. A refused draft's text is said to be
 * kept in the card. Each stays until the person dismisses it («Понятно»).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db';
import { dismissRefusal, openRefusals, type RefusalRecord } from '@/lib/db/sync';
import { t, type TextKey } from '@/lib/i18n';
import { stepArgsSchema } from '@/lib/sync';
import { formatDateTime } from '../format';
import { reasonText } from '../errors';

/** A text by key when this build has it, else the fallback (a newer server may send more). */
function tryText(key: string, fallback: string): string {
  try {
    return t(key as TextKey);
  } catch {
    return fallback;
  }
}

/** The refusal in words: what was refused and why. */
export function refusalText(r: RefusalRecord): string {
  const why = r.error ? reasonText(r.error) : tryText(`refusals.code.${r.code}`, r.code);
  if (r.name === 'capture') return t('refusals.capture');
  if (r.name === 'directory') return t('refusals.directory', { reason: why });
  if (r.name === 'import') return t('refusals.import', { reason: tryText(`refusals.code.${r.code}`, why) });
  const step = stepArgsSchema.safeParse(r.args);
  const type = step.success ? step.data.command.type : 'command';
  const specific = r.code === 'not-found' || r.code === 'bad-args' ? tryText(`refusals.code.${r.code}`, why) : why;
  return t('refusals.step', { command: tryText(`event.${type}`, type), reason: specific });
}

export function Refusals({ messageId, zone, onOpen }: { messageId?: string; zone: string; onOpen?: (id: string) => void }) {
  const data = useLiveQuery(async () => {
    const all = await openRefusals(getDb());
    const refusals = messageId ? all.filter((r) => r.messageId === messageId) : all;
    // Which message each is about (on the queue: the card says it already).
    const ids = messageId ? [] : [...new Set(refusals.flatMap((r) => (r.messageId ? [r.messageId] : [])))];
    const messages = await getDb().messages.bulkGet(ids);
    const about = new Map(messages.flatMap((m) => (m ? [[m.id, `${m.topic} — ${m.text.length > 80 ? `${m.text.slice(0, 80)}…` : m.text}`] as const] : [])));
    return { refusals, about };
  }, [messageId]);
  if (!data?.refusals.length) return null;
  const { refusals, about } = data;
  return (
    <section className="aot-alerts" aria-label={t('refusals.title')} data-testid="refusals">
      {refusals.map((r) => (
        <article key={r.key} className="aot-alert aot-alert--refusal" data-refusal={r.key}>
          <h3>{t('refusals.title')}</h3>
          <p>{refusalText(r)}</p>
          {r.messageId && about.has(r.messageId) ? <p className="aot-hint">{t('refusals.about', { message: about.get(r.messageId)! })}</p> : null}
          {r.context?.lastChange ? (
            <p className="aot-hint">
              {t('refusals.lastChange', {
                what: tryText(`event.${r.context.lastChange.type}`, r.context.lastChange.type),
                who: r.context.lastChange.actorName ?? r.context.lastChange.actor,
                at: formatDateTime(r.context.lastChange.at, zone),
              })}
            </p>
          ) : null}
          {r.keptDraft ? <p className="aot-hint">{t('refusals.keptDraft')}</p> : null}
          <div className="aot-buttons">
            {r.messageId && onOpen && !messageId ? (
              <button type="button" className="aot-button" onClick={() => onOpen(r.messageId!)}>
                {t('refusals.open')}
              </button>
            ) : null}
            <button type="button" className="aot-button" onClick={() => void dismissRefusal(getDb(), r.key, Date.now())}>
              {t('refusals.dismiss')}
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}
