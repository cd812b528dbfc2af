import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db';
import { say, t } from '@/lib/i18n';
import { deadlineKinds, planDeadlines } from '@/lib/regulations';
import { Countdown } from '../Countdown';
import { awaitingAuthor, curatorPublishes } from '@/lib/workflow/allowed';
import { factsOf } from '@/lib/workflow/machine';
import type { Command, Message } from '@/lib/model/workflow';
import { actorById, isOrphan, type Workspace } from '@/lib/workflow/workspace';
import type { WorkCalendar } from '@/lib/worktime';
import { bodyLabel } from '../body';
import { formatInstant } from '../format';
import { Actions } from './Actions';

interface Props {
  message: Message;
  workspace: Workspace;
  calendar: WorkCalendar;
  role: 'curator' | 'executor' | 'all';
  run: (command: Command) => Promise<string | null>;
  publishInPlace?: (text?: string) => Promise<string | null>;
  onBack: () => void;
}

/** One message: the post, its deadlines with clauses, the actions of its step, its history. */
export function MessageCard({ message, workspace, calendar, role, run, publishInPlace, onBack }: Props) {
  const events = useLiveQuery(() => getDb().events.where('messageId').equals(message.id).sortBy('at'), [message.id, message.updatedAt]);
  const zone = calendar.spec.zone;
  const profile = workspace.profile;
  const plan = planDeadlines(profile, calendar, factsOf(message, profile));
  const body = (id: string) => bodyLabel(id, workspace.bodies.find((b) => b.id === id)?.name);
  // Saratov п. 6: answers are posted on behalf of the body's official representative.
  const representatives = profile.representativeClause
    ? [...new Set(message.bodies.map((id) => workspace.bodies.find((b) => b.id === id)?.officialRepresentative).filter((n): n is string => Boolean(n)))]
    : [];
  return (
    <article className="aot-card" aria-label={message.author.name || message.url} data-testid="message-card">
      <button type="button" className="aot-link-button aot-back" onClick={onBack}>
        ← {t('desk.back')}
      </button>
      <header className="aot-card__head">
        <strong>{message.author.name || '—'}</strong>
        <span className={`aot-step aot-step--${message.step}`} data-testid="card-step">
          {t(`step.${message.step}`)}
        </span>
      </header>
      {/* The same countdown and overdue mark as the message's row in the queue. */}
      {message.status === 'open' && message.nextDueAt !== undefined ? (
        <p className="aot-row__meta" data-testid="card-countdown">
          {t(`deadline.${deadlineKinds.find((k) => k === message.nextDueKind) ?? 'answer'}`)}: <Countdown dueAt={message.nextDueAt} calendar={calendar} />
        </p>
      ) : null}
      <blockquote className="aot-form__text">{message.text || t('form.noText')}</blockquote>
      {message.pageChanges.map((c) => (
        <div key={`${c.kind}-${c.at}`} className="aot-form__notice aot-form__notice--error" data-testid="page-change">
          {t(c.kind === 'deleted' ? 'card.pageDeleted' : c.kind === 'restored' ? 'card.pageRestored' : 'card.pageEdited', { time: formatInstant(c.at, zone) })}
          {c.text ? <blockquote className="aot-form__text">{c.text}</blockquote> : null}
        </div>
      ))}
      {message.publications.map((p) =>
        p.url ? (
          <p key={`${p.kind}-${p.at}`} className="aot-row__meta" data-testid="publication">
            {t(`step.${p.kind === 'interim' ? 'interim' : 'published'}`)}: {formatInstant(p.at, zone)} ·{' '}
            <a href={p.url} target="_blank" rel="noreferrer noopener">
              {p.url}
            </a>
            {p.differsFromApproved ? <strong className="aot-publication-differs"> · {t('card.differs')}</strong> : null}
          </p>
        ) : null,
      )}
      {message.attachments.length ? (
        <p className="aot-row__meta" data-testid="attachments">
          {t('form.attachments')}:{' '}
          {message.attachments.map((a, i) => (
            <span key={`${a.type}-${i}`}>
              {i ? ', ' : ''}
              {a.url ? (
                <a href={a.url} target="_blank" rel="noreferrer noopener">
                  {t(`form.attachment.${a.type}`)}
                </a>
              ) : (
                t(`form.attachment.${a.type}`)
              )}
            </span>
          ))}
        </p>
      ) : null}
      <p className="aot-row__meta">
        <a href={message.url} target="_blank" rel="noreferrer noopener">
          {message.url}
        </a>{' '}
        · {message.topic}
        {message.location ? ` · ${message.location}` : ''}
        {message.bodies.length ? ` · ${message.bodies.map(body).join(', ')}` : ''}
      </p>
      {message.shortTerm ? (
        <p className="aot-form__notice" data-testid="short-term">
          {t('card.shortTerm', {
            hours: message.shortTerm.minutes / 60,
            clause: message.shortTerm.clause,
            name: actorById(workspace, message.shortTerm.by).name || message.shortTerm.by,
          })}
        </p>
      ) : null}
      {message.photosRequired ? <p className="aot-form__notice">{t('card.photos', { clause: message.photosRequired.clause })}</p> : null}
      {isOrphan(message, workspace) ? (
        <p className="aot-form__notice aot-form__notice--error" data-testid="orphan">
          {t('card.orphan', { bodies: message.bodies.join(', ') })}
        </p>
      ) : null}
      {message.status === 'open' && awaitingAuthor(message) ? <p className="aot-form__notice">{t('card.awaitingAuthor')}</p> : null}
      {message.status === 'open' && curatorPublishes(message, profile) ? (
        <p className="aot-form__notice">{t('card.curatorPublishes', { clause: profile.timers.curatorPublish?.clause ?? '' })}</p>
      ) : null}
      {representatives.map((name) => (
        <p key={name} className="aot-row__meta" data-testid="representative">
          {t('card.representative', { name, clause: profile.representativeClause ?? '' })}
        </p>
      ))}
      <section className="aot-section">
        <h2>{t('desk.deadlines')}</h2>
        <ul className="aot-deadlines">
          {plan.deadlines.map((d, i) => (
            <li
              key={`${d.kind}-${d.body ?? ''}-${i}`}
              data-met={d.met === undefined ? 'open' : String(d.met)}
              className={d === plan.next ? 'aot-deadline--next' : undefined}
            >
              {t(`deadline.${d.kind}`)}
              {d.body ? ` (${body(d.body)})` : ''}: {formatInstant(d.dueAt, zone)}
              {d.met === true ? ` — ${t('desk.deadline.met')}` : d.met === false && !d.own ? ` — ${t('desk.deadline.missed')}` : ''}{' '}
              <span className="aot-clause">
                ({d.clause}
                {d.note ? `; ${say(d.note)}` : ''})
              </span>
            </li>
          ))}
        </ul>
      </section>
      {message.status === 'open' ? (
        <Actions key={message.id} message={message} workspace={workspace} role={role} run={run} publishInPlace={publishInPlace} />
      ) : null}
      <section className="aot-section">
        <h2>{t('desk.timeline')}</h2>
        <ol className="aot-timeline" data-testid="timeline">
          {(events ?? []).map((e) => (
            <li key={e.seq ?? `${e.type}-${e.at}`} className={e.type === 'deadline-missed' ? 'aot-timeline--missed' : undefined}>
              {formatInstant(e.at, zone)} — {t(`event.${e.type}` as 'event.capture')}
              {typeof e.data.reason === 'string' ? `: ${e.data.reason}` : ''}
              {typeof e.data.remarks === 'string' ? `: ${e.data.remarks}` : ''}
              {e.actor && e.type !== 'deadline-missed' ? <span className="aot-clause"> ({actorById(workspace, e.actor).name})</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
