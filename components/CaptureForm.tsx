import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type SyntheticEvent } from 'react';
import { t } from '@/lib/i18n';
import type { DeadlineKind } from '@/lib/regulations/kinds';
import { routingSchema, type Importance, type Routing } from '@/lib/model/message';
import { matchDirectory } from '@/lib/workflow/directory-match';
import { browserZone, formatDateTime, formatInstant } from './format';

export interface CapturePreview {
  kind?: 'post' | 'comment';
  author: { name: string; url?: string };
  url: string;
  text: string;
  /** When the page says it was written (shown in the workspace's zone, like every time). */
  publishedAt?: number;
  attachments?: ReadonlyArray<{ type: string; url?: string }>;
}

/** The workspace directory the fields suggest from (free text stays allowed). */
export interface CaptureDirectory {
  topics: string[];
  locations: string[];
  bodies: Array<{ id: string; name: string }>;
  /** The act has the curator state the location (Khabarovsk п. 6, Saratov п. 7, Ivanovo п. 7). */
  locationRequired?: boolean;
}

export type FormStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; dueAt: number; dueKind?: DeadlineKind }
  | { kind: 'existing'; dueAt: number; dueKind?: DeadlineKind }
  | { kind: 'error'; message: string };

interface Props {
  item: CapturePreview;
  status: FormStatus;
  onSubmit: (routing: Routing) => void;
  onClose: () => void;
  /** The executor of the previous capture, offered again (most posts go to the same body). */
  lastExecutor?: string;
  directory?: CaptureDirectory;
  /**
   * The workspace's time zone (its schedule's): every time the form shows is in it, with its UTC
   * offset when the viewer's clock differs. Unknown (no workspace reply): the viewer's own zone.
   */
  zone?: string;
  /** The viewer's zone (default: the browser's). */
  viewerZone?: string;
  /** In a site's page: act only on a person's submit (isTrusted), never a page script's. */
  requireTrusted?: boolean;
}

type Field = 'topic' | 'location' | 'executor';
const IMPORTANCE: Importance[] = ['normal', 'high', 'critical'];

/**
 * The capture form: the post as read from the page (read-only) and the curator's routing.
 * Page text is rendered as React text only, never as HTML.
 */
export function CaptureForm({ item, status, onSubmit, onClose, lastExecutor = '', directory, zone, viewerZone, requireTrusted = false }: Props) {
  const id = useId();
  const [values, setValues] = useState({ topic: '', location: '', executor: lastExecutor, importance: 'normal' as Importance });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const done = status.kind === 'saved' || status.kind === 'existing';
  const shownZone = zone ?? viewerZone ?? browserZone();
  // 1–3 ms over a region's 500 entries: matched again only when the executor's text changes,
  // not on every key typed in the other fields.
  const executorFound = useMemo(
    () => (directory && values.executor.trim() ? matchDirectory(directory.bodies, values.executor) : []),
    [directory, values.executor],
  );
  const resolvedExecutor = executorFound.length === 1 && executorFound[0]!.name !== values.executor.trim() ? executorFound[0]!.name : null;

  const personActed = useRef(false);
  // autoFocus is not honoured inside a shadow root everywhere: focus «Тема» when the form opens.
  const topicRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    topicRef.current?.focus({ preventScroll: true });
  }, []);
  const notePerson = (event: SyntheticEvent) => {
    if (event.nativeEvent.isTrusted) personActed.current = true;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'saving' || done) return;
    // In a site's page, only a person's submit counts (a page script cannot route a capture):
    // the submit must be trusted and follow a person's own key press or pointer in the form
    // (requestSubmit() from a script fires a trusted submit event too).
    if (requireTrusted && !(event.nativeEvent.isTrusted && personActed.current)) return;
    const parsed = routingSchema.safeParse(values);
    const locationMissing = directory?.locationRequired === true && !values.location.trim();
    // The executor comes from the directory (a made-up body has no queue): by name, a part of
    // it or its abbreviation, submitted as the directory's id.
    const executorMatches = executorFound;
    const executorUnknown = directory !== undefined && values.executor.trim() !== '' && executorMatches.length !== 1;
    if (!parsed.success || locationMissing || executorUnknown) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        const field = issue.path[0] as Field;
        next[field] = issue.code === 'too_big' ? t('form.tooLong', { field: t(`form.${field}`) }) : t('form.required', { field: t(`form.${field}`) });
      }
      if (locationMissing) next.location = t('form.required', { field: t('form.location') });
      if (executorUnknown && !next.executor)
        next.executor = executorMatches.length
          ? t('form.executorAmbiguous', {
              options: executorMatches
                .slice(0, 3)
                .map((e) => e.name)
                .join('; '),
            })
          : t('form.executorUnknown');
      setErrors(next);
      return;
    }
    setErrors({});
    onSubmit(executorMatches.length === 1 ? { ...parsed.data, executor: executorMatches[0]!.id } : parsed.data);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  const input = (field: Field, required: boolean) => (
    <label className="aot-field" htmlFor={`${id}-${field}`}>
      <span className="aot-field__label">
        {t(`form.${field}`)}
        {required ? <span aria-hidden="true"> *</span> : null}
      </span>
      <input
        id={`${id}-${field}`}
        name={field}
        value={values[field]}
        placeholder={t(`form.${field}Placeholder`)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
        required={required}
        disabled={done}
        list={directory ? `${id}-${field}-list` : undefined}
        autoFocus={field === 'topic'}
        ref={field === 'topic' ? topicRef : undefined}
        onChange={(e) => {
          setValues((v) => ({ ...v, [field]: e.target.value }));
          if (errors[field]) setErrors(({ [field]: _fixed, ...rest }) => rest);
        }}
      />
      {errors[field] ? (
        <span className="aot-field__error" id={`${id}-${field}-error`} role="alert">
          {errors[field]}
        </span>
      ) : null}
      {directory ? (
        <datalist id={`${id}-${field}-list`}>
          {field === 'executor'
            ? directory.bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))
            : (field === 'topic' ? directory.topics : directory.locations).map((v) => <option key={v} value={v} />)}
        </datalist>
      ) : null}
    </label>
  );

  return (
    <form
      className="aot-form"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      onKeyDownCapture={notePerson}
      onPointerDownCapture={notePerson}
      noValidate
    >
      <header className="aot-form__header">
        <h2 id={`${id}-title`}>{status.kind === 'existing' ? t('form.existingTitle') : item.kind === 'comment' ? t('form.titleComment') : t('form.title')}</h2>
        <button type="button" className="aot-icon-button" aria-label={t('form.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <section className="aot-form__post" aria-label={t('form.post')}>
        <div className="aot-form__author">
          <span className="aot-field__label">{t('form.author')}: </span>
          {item.author.name || '—'}
        </div>
        <div className="aot-form__link">
          <span className="aot-field__label">{t('form.link')}: </span>
          <a href={item.url} target="_blank" rel="noreferrer noopener">
            {item.url}
          </a>
        </div>
        {item.publishedAt ? (
          <div className="aot-form__time">
            <span className="aot-field__label">{t('form.time')}: </span>
            {formatDateTime(item.publishedAt, shownZone, viewerZone)}
          </div>
        ) : null}
        <blockquote className="aot-form__text" data-testid="capture-text">
          {item.text || t('form.noText')}
        </blockquote>
        {item.attachments?.length ? (
          <div className="aot-form__attachments">
            <span className="aot-field__label">{t('form.attachments')}: </span>
            {item.attachments.map((a, i) => (
              <span key={`${a.type}-${i}`}>
                {i ? ', ' : ''}
                {a.url ? (
                  <a href={a.url} target="_blank" rel="noreferrer noopener">
                    {t(`form.attachment.${a.type === 'photo' || a.type === 'video' || a.type === 'link' ? a.type : 'other'}`)}
                  </a>
                ) : (
                  t(`form.attachment.${a.type === 'photo' || a.type === 'video' || a.type === 'link' ? a.type : 'other'}`)
                )}
              </span>
            ))}
          </div>
        ) : null}
      </section>
      {status.kind === 'existing' ? (
        <p className="aot-form__notice" role="status">
          {status.dueKind
            ? t('form.existingStep', { step: t(`deadline.${status.dueKind}`), due: formatInstant(status.dueAt, shownZone, viewerZone) })
            : t('form.existingBody', { due: formatInstant(status.dueAt, shownZone, viewerZone) })}
        </p>
      ) : (
        <>
          {input('topic', true)}
          {input('location', directory?.locationRequired === true)}
          <label className="aot-field" htmlFor={`${id}-importance`}>
            <span className="aot-field__label">{t('form.importance')}</span>
            <select
              id={`${id}-importance`}
              name="importance"
              value={values.importance}
              disabled={done}
              onChange={(e) => setValues((v) => ({ ...v, importance: e.target.value as Importance }))}
            >
              {IMPORTANCE.map((level) => (
                <option key={level} value={level}>
                  {t(`form.importance.${level}`)}
                </option>
              ))}
            </select>
          </label>
          {input('executor', true)}
          {resolvedExecutor ? (
            <p className="aot-form__hint" data-testid="executor-resolved">
              → {resolvedExecutor}
            </p>
          ) : null}
          <p className="aot-form__hint">{t('form.deadlineHint')}</p>
        </>
      )}
      {status.kind === 'saved' ? (
        <p className="aot-form__notice aot-form__notice--ok" role="status">
          {status.dueKind
            ? t('form.savedStep', { step: t(`deadline.${status.dueKind}`), due: formatInstant(status.dueAt, shownZone, viewerZone) })
            : t('form.saved', { due: formatInstant(status.dueAt, shownZone, viewerZone) })}
        </p>
      ) : null}
      {status.kind === 'error' ? (
        <p className="aot-form__notice aot-form__notice--error" role="alert">
          {t('form.saveFailed', { error: status.message })}
        </p>
      ) : null}
      <footer className="aot-form__actions">
        {done ? (
          <button type="button" className="aot-button" onClick={onClose}>
            {t('form.close')}
          </button>
        ) : (
          <>
            <button type="button" className="aot-button aot-button--ghost" onClick={onClose}>
              {t('form.cancel')}
            </button>
            <button type="submit" className="aot-button aot-button--primary" disabled={status.kind === 'saving'}>
              {status.kind === 'saving' ? t('form.saving') : t('form.save')}
            </button>
          </>
        )}
      </footer>
    </form>
  );
}
