import { useState, type FormEvent, type ReactElement } from 'react';
import { t } from '@/lib/i18n';
import type { Command, Message } from '@/lib/workflow/model';
import type { Workspace } from '@/lib/workflow/workspace';
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

/** The actions the current step allows for the current role; every field labelled. */
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
  const mine = message.assignments.some((a) => workspace.user.bodies.includes(a.body) && a.state !== 'returned');
  const blocks: ReactElement[] = [];

  if (role === 'curator' || role === 'all') {
    if (step === 'captured' || step === 'returned' || (step === 'routed' && message.assignments.some((a) => a.state === 'returned')))
      blocks.push(<RouteForm key="route" workspace={workspace} busy={busy} onRoute={(c) => void submit(c)()} />);
    if (step === 'review')
      blocks.push(<ReviewForm
          key="review"
          message={message}
          busy={busy}
          onApprove={() => void submit({ type: 'approve' })()}
          onApproveAndPublish={publishInPlace ? () => void approveAndPublish() : undefined}
          onRework={(remarks) => void submit({ type: 'requestRework', remarks })()}
        />);
    if (step === 'approved' || step === 'summary')
      blocks.push(<PublishForm key="publish" message={message} needsText={step === 'summary'} busy={busy} onPublish={(c) => void submit(c)()} inPlace={publishInPlace ? place : undefined} placing={placing} />);
    if (message.status === 'open') blocks.push(<NotProcessableForm key="np" busy={busy} onClose={(c) => void submit(c)()} />);
  }
  if ((role === 'executor' || role === 'all') && (mine || workspace.user.roles.includes('executor'))) {
    if (step === 'routed') {
      blocks.push(<ReturnForm key="return" busy={busy} onReturn={(reason) => void submit({ type: 'return', reason })()} />);
    }
    if (step === 'routed' || step === 'rework' || step === 'interim')
      blocks.push(
        <DraftForm
          key={`draft-${message.updatedAt}`}
          message={message}
          disabledRules={workspace.disabledLintRules}
          busy={busy}
          part={message.mode !== 'single' && step === 'routed'}
          onSubmit={(c) => void submit(c)()}
        />,
      );
    if ((step === 'approved' && role !== 'all') || (step === 'rework' && workspace.profile.timers.rework.publishesDirectly))
      blocks.push(<PublishForm key="publish-executor" message={message} needsText={false} busy={busy} onPublish={(c) => void submit(c)()} inPlace={publishInPlace ? place : undefined} placing={placing} />);
  }

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

function RouteForm({ workspace, busy, onRoute }: { workspace: Workspace; busy: boolean; onRoute: (c: Command) => void }) {
  const [bodies, setBodies] = useState<string[]>([workspace.bodies[0]?.id ?? '']);
  const [mode, setMode] = useState<'single' | 'sequential' | 'parallel'>('single');
  return (
    <form
      className="aot-action"
      onSubmit={(e) => {
        e.preventDefault();
        const list = bodies.filter(Boolean);
        onRoute({ type: 'route', assignments: list.map((body) => ({ body })), ...(list.length > 1 ? { mode: mode === 'single' ? workspace.profile.severalBodies : mode } : {}) });
      }}
    >
      <BodySelect label={t('desk.route.body')} bodies={workspace.bodies} value={bodies} onChange={setBodies} />
      {bodies.length > 1 ? (
        <label className="aot-field">
          <span className="aot-field__label">{t('desk.route.mode')}</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
            {(['sequential', 'parallel'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`mode.${m}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button className="aot-button aot-button--primary" type="submit" disabled={busy || bodies.length === 0}>
        {t('desk.route.submit')}
      </button>
    </form>
  );
}

function ReturnForm({ busy, onReturn }: { busy: boolean; onReturn: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <form className="aot-action" onSubmit={(e) => { e.preventDefault(); onReturn(reason); }}>
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
  busy,
  part,
  disabledRules,
  onSubmit,
}: {
  message: Message;
  busy: boolean;
  part: boolean;
  disabledRules: string[];
  onSubmit: (c: Command) => void;
}) {
  const [text, setText] = useState(message.draft?.text ?? '');
  const [kind, setKind] = useState<'answer' | 'interim' | 'clarification'>(message.step === 'interim' ? 'answer' : 'answer');
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
            {(message.step === 'interim' ? (['answer'] as const) : (['answer', 'interim', 'clarification'] as const)).map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="aot-field">
        <span className="aot-field__label">{t('desk.draft.text')}</span>
        <textarea className="aot-draft" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {text.trim() ? <LintPanel text={text} options={{ repeat: message.repeatOf !== undefined, disabledRules }} onApply={setText} /> : null}
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
  const [remarks, setRemarks] = useState('');
  return (
    <div className="aot-action">
      <blockquote className="aot-form__text" data-testid="draft-text">
        {message.draft?.text}
      </blockquote>
      {message.draft ? <LintPanel text={message.draft.text} options={{ repeat: message.repeatOf !== undefined }} /> : null}
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
      <form onSubmit={(e) => { e.preventDefault(); onRework(remarks); }}>
        <label className="aot-field">
          <span className="aot-field__label">{t('desk.rework.remarks')}</span>
          <input value={remarks} onChange={(e) => setRemarks(e.target.value)} />
        </label>
        <button className="aot-button" type="submit" disabled={busy || !remarks.trim()}>
          {t('desk.rework.submit')}
        </button>
      </form>
    </div>
  );
}

type Placing = { kind: 'idle' | 'working' | 'inserted' } | { kind: 'error'; message: string };

const REPLY_LINK = /^https:\/\/(vk\.com|vk\.ru|ok\.ru)\/\S+$/;

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
  const link = url.trim().replace(/^https:\/\/vk\.ru\//, 'https://vk.com/');
  const valid = REPLY_LINK.test(url.trim());
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
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onPublish({ type: 'publish', url: link, ...(needsText ? { text } : {}) });
        }}
      >
        <label className="aot-field">
          <span className="aot-field__label">{t('desk.publish.url')}</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={`${message.url.split('?')[0]}?reply=…`} aria-invalid={(url.trim() !== '' && !valid) || undefined} aria-describedby={`publish-manual-${message.id}`} />
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
  const [category, setCategory] = useState<'harm' | 'obscenity' | 'insult' | 'threat' | 'other'>('threat');
  const [confirmed, setConfirmed] = useState(false);
  return (
    <details className="aot-action">
      <summary>{t('desk.np.submit')}</summary>
      <form onSubmit={(e) => { e.preventDefault(); if (confirmed) onClose({ type: 'markNotProcessable', category, confirmed: true }); }}>
        <label className="aot-field">
          <span className="aot-field__label">{t('desk.np.category')}</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as typeof category)}>
            {(['threat', 'insult', 'obscenity', 'harm', 'other'] as const).map((c) => (
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
