import { draftKey } from '@/lib/db/drafts';
import { canonicalLink, isSiteLink } from '@/lib/sites/hosts';
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { platform } from '@/lib/platform';
import { asDetectedReply, detectedKey, type DetectedReply } from '@/lib/messaging/detected';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { allowedCommands } from '@/lib/workflow/allowed';
import { notProcessableGrounds, type Actor, type Command, type Message } from '@/lib/model/workflow';
import { isOrphan, type Workspace } from '@/lib/workflow/workspace';
import { BodySelect } from '../fields';
import { LintPanel } from '../LintPanel';

interface Props {
  message: Message;
  workspace: Workspace;
  /** 'all': a person with both roles sees the actions of both. */
  role: 'curator' | 'executor' | 'all';
  /** Sends a command; resolves to an error text or null. */
  run: (command: Command) => Promise<string | null>;
  /** Publish in place: puts the answer into the site's reply box; resolves to an error text or null. */
  publishInPlace?: (text?: string) => Promise<string | null>;
}

/** The person in the capacity the desk shows (a person with both roles may look as either). */
function viewer(user: Actor, role: Props['role']): Actor {
  if (role === 'curator') return { ...user, roles: ['curator'], bodies: [] };
  if (role === 'executor') return { ...user, roles: ['executor'] };
  return user;
}

/**
 * The actions the current step allows for the current role, exactly those allowedCommands
 * gives (the state machine and the background ask the same function); every field labelled.
 */
export function Actions({ message, workspace, role, run, publishInPlace }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [placing, setPlacing] = useState<Placing>({ kind: 'idle' });
  /** Publish in place; the notice stays visible while the card moves to the next step. */
  const place = async (text?: string) => {
    if (!publishInPlace) return;
    setPlacing({ kind: 'working' });
    const failed = await publishInPlace(text);
    setPlacing(failed ? { kind: 'error', message: failed } : { kind: 'inserted' });
  };
  /** Approve, then put the answer into the site's reply box: one action for the curator. */
  const approveAndPublish = async () => {
    setBusy(true);
    const failed = await run({ type: 'approve' });
    setError(failed);
    setBusy(false);
    if (!failed) await place();
  };
  const submit = (command: Command) => async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(await run(command));
    setBusy(false);
  };
  const step = message.step;
  const profile = workspace.profile;
  const actor = viewer(workspace.user, role);
  const allowed = new Set(allowedCommands(message, actor, profile));
  // «Approve and publish» is offered to whoever may publish once the draft is approved.
  const publishesOnceApproved = step === 'review' && allowedCommands({ ...message, step: 'approved' }, actor, profile).includes('publish');
  const blocks: ReactElement[] = [];

  if (allowed.has('route')) blocks.push(<RouteForm key="route" message={message} workspace={workspace} busy={busy} onRoute={(c) => void submit(c)()} />);
  // A message whose body left the directory: the curator takes it back and routes it anew.
  else if (step === 'routed' && actor.roles.includes('curator') && isOrphan(message, workspace))
    blocks.push(
      <RouteForm key="reassign" message={message} workspace={workspace} busy={busy} onRoute={(c) => void submit({ ...c, reassign: true } as Command)()} />,
    );
  if (allowed.has('approve') && step === 'review')
    blocks.push(
      <ReviewForm
        key="review"
        message={message}
        busy={busy}
        onApprove={() => void submit({ type: 'approve' })()}
        onApproveAndPublish={publishInPlace && publishesOnceApproved ? () => void approveAndPublish() : undefined}
        onRework={(remarks) => void submit({ type: 'requestRework', remarks })()}
      />,
    );
  if (allowed.has('approve') && step === 'routed')
    for (const part of message.assignments.filter((a) => a.state === 'submitted'))
      blocks.push(
        <PartReview
          key={`part-${part.body}`}
          body={workspace.bodies.find((b) => b.id === part.body)?.name ?? part.body}
          text={part.part ?? ''}
          busy={busy}
          onApprove={() => void submit({ type: 'approve', body: part.body })()}
          onRework={(remarks) => void submit({ type: 'requestRework', body: part.body, remarks })()}
        />,
      );
  if (allowed.has('publish'))
    blocks.push(
      <PublishForm
        key="publish"
        message={message}
        needsText={step === 'summary' || step === 'rework'}
        busy={busy}
        onPublish={(c) => void submit(c)()}
        inPlace={publishInPlace ? place : undefined}
        placing={placing}
      />,
    );
  if (allowed.has('authorReplied'))
    blocks.push(
      <div key="author" className="aot-action">
        <p className="aot-hint">{t('desk.awaitingAuthor')}</p>
        <button className="aot-button" type="button" disabled={busy} onClick={() => void submit({ type: 'authorReplied' })()}>
          {t('desk.authorReplied')}
        </button>
      </div>,
    );
  if (allowed.has('return')) blocks.push(<ReturnForm key="return" busy={busy} onReturn={(reason) => void submit({ type: 'return', reason })()} />);
  if (allowed.has('submitDraft') || allowed.has('submitPart')) {
    const mineActive = message.assignments.find((a) => a.state === 'active' || a.state === 'rework');
    const lastInSequence = message.mode === 'sequential' && mineActive?.order === message.assignments.length - 1;
    const part = allowed.has('submitPart') && step === 'routed' && !lastInSequence;
    blocks.push(
      <DraftForm
        key={`draft-${message.id}-${message.step}`}
        message={message}
        userId={workspace.user.id}
        disabledRules={workspace.disabledLintRules}
        clarification={profile.clarification}
        busy={busy}
        part={part}
        onSubmit={(c) => void submit(c)()}
      />,
    );
  }
  if (allowed.has('setTerm') && message.status === 'open')
    blocks.push(<TermForm key="term" message={message} workspace={workspace} busy={busy} onSet={(minutes) => void submit({ type: 'setTerm', minutes })()} />);
  if (allowed.has('requirePhotos') && message.status === 'open')
    blocks.push(
      <label key="photos" className="aot-action aot-check">
        <input
          type="checkbox"
          checked={message.photosRequired !== undefined}
          disabled={busy}
          onChange={(e) => void submit({ type: 'requirePhotos', required: e.target.checked })()}
        />{' '}
        {t('desk.photos.require', { clause: profile.photosClause ?? '' })}
      </label>,
    );
  if (allowed.has('markNotProcessable')) blocks.push(<NotProcessableForm key="np" busy={busy} onClose={(c) => void submit(c)()} />);

  return (
    <section className="aot-section" aria-label={t('desk.actions')}>
      <h2>{t('desk.actions')}</h2>
      {error ? (
        <p className="aot-form__notice aot-form__notice--error" role="alert">
          {t('desk.error', { message: error })}
        </p>
      ) : null}
      {blocks}
    </section>
  );
}

function RouteForm({ message, workspace, busy, onRoute }: { message: Message; workspace: Workspace; busy: boolean; onRoute: (c: Command) => void }) {
  // After a return, nothing is preselected: the curator chooses the body that will answer.
  const [bodies, setBodies] = useState<string[]>(message.step === 'captured' && workspace.bodies[0] ? [workspace.bodies[0].id] : []);
  const needsLocation = workspace.profile.locationRequired && !message.location.trim();
  const [location, setLocation] = useState('');
  const several = message.mode !== 'single' ? message.mode : workspace.profile.severalBodies;
  return (
    <form
      className="aot-action"
      onSubmit={(e) => {
        e.preventDefault();
        const list = bodies.filter(Boolean);
        onRoute({ type: 'route', assignments: list.map((body) => ({ body })), ...(needsLocation ? { location: location.trim() } : {}) });
      }}
    >
      <BodySelect label={t('desk.route.body')} bodies={workspace.bodies} value={bodies} onChange={setBodies} />
      {needsLocation ? (
        <label className="aot-field">
          <span className="aot-field__label">{t('desk.route.location', { clause: workspace.profile.locationClause ?? '' })}</span>
          <input value={location} required list={`locations-${message.id}`} onChange={(e) => setLocation(e.target.value)} />
          <datalist id={`locations-${message.id}`}>
            {workspace.locations.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
        </label>
      ) : null}
      {bodies.length > 1 ? (
        <p className="aot-hint" data-testid="route-mode">
          {t('desk.route.modeFixed', { mode: t(`mode.${several}`), clause: workspace.profile.severalBodiesClause })}
        </p>
      ) : null}
      <button className="aot-button aot-button--primary" type="submit" disabled={busy || bodies.length === 0 || (needsLocation && !location.trim())}>
        {t('desk.route.submit')}
      </button>
    </form>
  );
}

/** One body's answer in a parallel answer: approve or send back (Khabarovsk п. 13 абз. 3, п. 12). */
function PartReview({
  body,
  text,
  busy,
  onApprove,
  onRework,
}: {
  body: string;
  text: string;
  busy: boolean;
  onApprove: () => void;
  onRework: (r: string) => void;
}) {
  return (
    <div className="aot-action" data-testid="part-review">
      <p className="aot-field__label">{t('desk.part.of', { body })}</p>
      <blockquote className="aot-form__text">{text}</blockquote>
      <button className="aot-button aot-button--primary" type="button" disabled={busy} onClick={onApprove}>
        {t('desk.approve')}
      </button>
      <ReworkForm busy={busy} onRework={onRework} />
    </div>
  );
}

/** Send a draft (or one body's answer) back with remarks. */
function ReworkForm({ busy, onRework }: { busy: boolean; onRework: (remarks: string) => void }) {
  const [remarks, setRemarks] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onRework(remarks);
      }}
    >
      <label className="aot-field">
        <span className="aot-field__label">{t('desk.rework.remarks')}</span>
        <input value={remarks} onChange={(e) => setRemarks(e.target.value)} />
      </label>
      <button className="aot-button" type="submit" disabled={busy || !remarks.trim()}>
        {t('desk.rework.submit')}
      </button>
    </form>
  );
}

/** A shorter answer term for this message (Saratov п. 7, Ivanovo п. 7). */
function TermForm({ message, workspace, busy, onSet }: { message: Message; workspace: Workspace; busy: boolean; onSet: (minutes: number) => void }) {
  const act = workspace.profile.timers.answer?.minutes ?? 0;
  const [hours, setHours] = useState(String(message.shortTerm ? message.shortTerm.minutes / 60 : ''));
  const minutes = Math.round(Number(hours.replace(',', '.')) * 60);
  const valid = Number.isFinite(minutes) && minutes >= 15 && minutes < act;
  return (
    <form
      className="aot-action"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onSet(minutes);
      }}
    >
      <label className="aot-field">
        <span className="aot-field__label">{t('desk.term.label', { hours: act / 60, clause: workspace.profile.shortTermClause ?? '' })}</span>
        <input inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} aria-invalid={(hours !== '' && !valid) || undefined} />
      </label>
      <button className="aot-button" type="submit" disabled={busy || !valid}>
        {t('desk.term.submit')}
      </button>
    </form>
  );
}

function ReturnForm({ busy, onReturn }: { busy: boolean; onReturn: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <form
      className="aot-action"
      onSubmit={(e) => {
        e.preventDefault();
        onReturn(reason);
      }}
    >
      <label className="aot-field">
        <span className="aot-field__label">{t('desk.return.reason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button className="aot-button" type="submit" disabled={busy || !reason.trim()}>
        {t('desk.return.submit')}
      </button>
    </form>
  );
}

function DraftForm({
  message,
  userId,
  busy,
  part,
  disabledRules,
  clarification,
  onSubmit,
}: {
  message: Message;
  /** Whose draft: drafts are kept per message and person. */
  userId: string;
  busy: boolean;
  part: boolean;
  disabledRules: string[];
  /** The act has a clarification request step (not Khabarovsk). */
  clarification: boolean;
  onSubmit: (c: Command) => void;
}) {
  const [text, setText, loaded] = useSavedDraft(message.id, userId, message.draft?.text ?? '');
  const [kind, setKind] = useState<'answer' | 'interim' | 'clarification'>('answer');
  const remarks = message.remarks.at(-1);
  return (
    <form
      className="aot-action aot-draft-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(part ? { type: 'submitPart', text } : { type: 'submitDraft', kind, text });
      }}
    >
      {message.step === 'rework' && remarks ? (
        <p className="aot-form__notice" role="note">
          {t('desk.remarks')}: {remarks.text}
        </p>
      ) : null}
      {!part ? (
        <label className="aot-field">
          <span className="aot-field__label">{t('desk.draft.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {(message.step === 'interim'
              ? (['answer'] as const)
              : clarification
                ? (['answer', 'interim', 'clarification'] as const)
                : (['answer', 'interim'] as const)
            ).map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="aot-field">
        <span className="aot-field__label">{t('desk.draft.text')}</span>
        {/* Read-only until the saved draft is read: what is typed before would be replaced by it. */}
        <textarea className="aot-draft" value={text} readOnly={!loaded} aria-busy={!loaded} onChange={(e) => setText(e.target.value)} />
      </label>
      {text.trim() ? (
        <LintPanel
          text={text}
          options={{ repeat: message.repeatOf !== undefined, photosRequested: message.photosRequired !== undefined, disabledRules }}
          onApply={setText}
        />
      ) : null}
      <button className="aot-button aot-button--primary" type="submit" disabled={busy || !text.trim()}>
        {part ? t('desk.part.submit') : t('desk.draft.submit')}
      </button>
    </form>
  );
}

function ReviewForm({
  message,
  busy,
  onApprove,
  onApproveAndPublish,
  onRework,
}: {
  message: Message;
  busy: boolean;
  onApprove: () => void;
  onApproveAndPublish?: () => void;
  onRework: (r: string) => void;
}) {
  return (
    <div className="aot-action">
      <blockquote className="aot-form__text" data-testid="draft-text">
        {message.draft?.text}
      </blockquote>
      {message.draft ? (
        <LintPanel text={message.draft.text} options={{ repeat: message.repeatOf !== undefined, photosRequested: message.photosRequired !== undefined }} />
      ) : null}
      <div className="aot-buttons">
        {onApproveAndPublish ? (
          <button className="aot-button aot-button--primary" type="button" disabled={busy} onClick={onApproveAndPublish} title={t('publish.inPlaceHint')}>
            {t('desk.approveAndPublish')}
          </button>
        ) : null}
        <button className={onApproveAndPublish ? 'aot-button' : 'aot-button aot-button--primary'} type="button" disabled={busy} onClick={onApprove}>
          {t('desk.approve')}
        </button>
      </div>
      <ReworkForm busy={busy} onRework={onRework} />
    </div>
  );
}

type Placing = { kind: 'idle' | 'working' | 'inserted' } | { kind: 'error'; message: string };

/**
 * Publishing: in place (the extension opens the post and puts the text into the site's reply
 * box; the official sends it and the page reports the reply), or by the reply's link when it
 * went out some other way. Nothing is recorded as published without one of the two.
 */
function PublishForm({
  message,
  needsText,
  busy,
  onPublish,
  inPlace,
  placing,
}: {
  message: Message;
  needsText: boolean;
  busy: boolean;
  onPublish: (c: Command) => void;
  inPlace?: (text?: string) => Promise<void>;
  placing: Placing;
}) {
  const [url, setUrl] = useState('');
  const [text, setText] = useState(message.draft?.text ?? '');
  const detected = useDetectedReply(message.id);
  const link = canonicalLink(url);
  const valid = isSiteLink(url.trim());
  const start = () => void inPlace?.(needsText ? text : undefined);
  return (
    <div className="aot-action aot-publish">
      {needsText ? (
        <label className="aot-field">
          <span className="aot-field__label">{t('desk.publish.text')}</span>
          <textarea className="aot-draft" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      ) : null}
      {inPlace ? (
        <>
          <p className="aot-hint">{t('publish.inPlaceHint')}</p>
          <button
            className="aot-button aot-button--primary"
            type="button"
            disabled={busy || placing.kind === 'working' || (needsText && !text.trim())}
            onClick={start}
          >
            {t('publish.inPlace')}
          </button>
          {placing.kind === 'inserted' ? (
            <p className="aot-form__notice" role="status">
              {t('publish.inserted')}
            </p>
          ) : null}
          {placing.kind === 'error' ? (
            <p className="aot-form__notice aot-form__notice--error" role="alert">
              {placing.message}
            </p>
          ) : null}
        </>
      ) : null}
      {detected ? (
        <div className="aot-form__notice" role="status" data-testid="detected-reply">
          {t('publish.detected', { author: detected.authorName || detected.authorUrl || '?' })}{' '}
          <a href={detected.url} target="_blank" rel="noreferrer noopener">
            {detected.url}
          </a>
          <button
            className="aot-button"
            type="button"
            disabled={busy}
            onClick={() => onPublish({ type: 'publish', url: detected.url, ...(needsText ? { text } : {}) })}
          >
            {t('publish.confirm')}
          </button>
        </div>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onPublish({ type: 'publish', url: link, ...(needsText ? { text } : {}) });
        }}
      >
        <label className="aot-field">
          <span className="aot-field__label">{t('desk.publish.url')}</span>
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder={`${message.url.split('?')[0]}?reply=…`}
            aria-invalid={(url.trim() !== '' && !valid) || undefined}
            aria-describedby={`publish-manual-${message.id}`}
          />
          <span className="aot-hint" id={`publish-manual-${message.id}`}>
            {t('publish.manual')}
          </span>
        </label>
        <button className="aot-button" type="submit" disabled={busy || !valid || (needsText && !text.trim())}>
          {t('desk.publish.submit')}
        </button>
      </form>
    </div>
  );
}

function NotProcessableForm({ busy, onClose }: { busy: boolean; onClose: (c: Command) => void }) {
  const [category, setCategory] = useState<(typeof notProcessableGrounds)[number]>('threat');
  const [confirmed, setConfirmed] = useState(false);
  return (
    <details className="aot-action">
      <summary>{t('desk.np.submit')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed) onClose({ type: 'markNotProcessable', category, confirmed: true });
        }}
      >
        <label className="aot-field">
          <span className="aot-field__label">{t('desk.np.category')}</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as typeof category)}>
            {(['threat', 'insult', 'obscenity', 'harm'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`np.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('desk.np.confirm')}
        </label>
        <button className="aot-button" type="submit" disabled={busy || !confirmed}>
          {t('desk.np.submit')}
        </button>
      </form>
    </details>
  );
}

/** A reply the page showed from an author the workspace does not know, waiting to be confirmed. */
function useDetectedReply(messageId: string): DetectedReply | undefined {
  const [detected, setDetected] = useState<DetectedReply | undefined>();
  useEffect(() => {
    const key = detectedKey(messageId);
    let live = true;
    const { session } = platform();
    void session
      .get(key)
      .then((v) => live && setDetected(asDetectedReply(v[key])))
      .catch(() => undefined);
    const off = session.onChanged((changes) => {
      if (key in changes) setDetected(asDetectedReply(changes[key]?.newValue));
    });
    return () => {
      live = false;
      off();
    };
  }, [messageId]);
  return detected;
}

export { draftKey };

/**
 * The text of a draft being typed, saved as it is typed (debounced) and restored when the card
 * or the panel is opened again, per message and person; dropped once the message moves on
 * (the stored draft is the submitted one).
 */
function useSavedDraft(messageId: string, userId: string, initial: string): [text: string, setText: (text: string) => void, loaded: boolean] {
  const [text, setText] = useState(initial);
  // Nothing is written until the saved draft was read (or a slow read could be overwritten).
  const [ready, setReady] = useState(false);
  const key = draftKey(messageId, userId);
  useEffect(() => {
    let live = true;
    getDb()
      .settings.get(key)
      .then((saved) => {
        const value = saved?.value as { text?: unknown } | undefined;
        if (live && typeof value?.text === 'string' && value.text.trim()) setText(value.text);
      })
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [key]);
  // Whatever was typed last is written when the form goes away (the card left, or the message
  // moved on), not only after the pause.
  const latest = useRef({ text, initial, ready });
  useEffect(() => {
    latest.current = { text, initial, ready };
  }, [text, initial, ready]);
  useEffect(
    () => () => {
      const { text: last, initial: first, ready: read } = latest.current;
      if (read && last.trim() && last !== first) Promise.resolve(getDb().settings.put({ key, value: { text: last, at: Date.now() } })).catch(() => undefined);
    },
    [key],
  );
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => {
      const db = getDb();
      const write = text.trim() && text !== initial ? db.settings.put({ key, value: { text, at: Date.now() } }) : db.settings.delete(key);
      Promise.resolve(write).catch(() => undefined);
    }, 400);
    return () => clearTimeout(timer);
  }, [key, text, initial, ready]);
  return [text, setText, ready];
}
