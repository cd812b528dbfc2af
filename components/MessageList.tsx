import { memo, startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import type { Message } from '@/lib/model/workflow';
import type { WorkCalendar } from '@/lib/worktime';
import { Countdown } from './Countdown';

const SITE_ICON = { vk: 'VK', ok: 'OK' } as const;

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

/** Topic · location · executor, as one text (the popup draws hundreds of rows). */
function meta(message: Message, bodyName: (id: string) => string): string {
  const parts = [message.topic];
  if (message.location) parts.push(message.location);
  if (message.bodies.length) parts.push(t('list.executor', { executor: message.bodies.map(bodyName).join(', ') }));
  return parts.join(' · ');
}

const Row = memo(function Row({
  message,
  calendar,
  bodyName,
  onOpen,
  onPost,
}: {
  message: Message;
  calendar: WorkCalendar;
  bodyName: (id: string) => string;
  onOpen?: (id: string) => void;
  onPost?: (id: string) => void;
}) {
  return (
    <li className="aot-row" data-testid="message-row" data-key={message.key}>
      <div className="aot-row__head">
        <span className={`aot-site aot-site--${message.site}`} title={t(`site.${message.site}`)}>
          {SITE_ICON[message.site]}
        </span>
        <span className="aot-row__author">{message.author.name || '—'}</span>
        <span className={`aot-importance aot-importance--${message.importance}`}>{t(`importance.${message.importance}`)}</span>
        <span className={`aot-step aot-step--${message.step}`}>{t(`step.${message.step}`)}</span>
      </div>
      <a
        className="aot-row__text"
        href={message.url}
        target="_blank"
        rel="noreferrer noopener"
        title={t('list.openPost')}
        onClick={onPost ? () => onPost(message.id) : undefined}
      >
        {firstLine(message.text) || t('form.noText')}
      </a>
      <div className="aot-row__meta">{meta(message, bodyName)}</div>
      {message.nextDueAt !== undefined ? <Countdown dueAt={message.nextDueAt} calendar={calendar} /> : null}
      {onOpen ? (
        <button type="button" className="aot-link-button aot-row__open" onClick={() => onOpen(message.id)}>
          {t('list.openCard')}
        </button>
      ) : null}
    </li>
  );
});

/** Rows in the first commit: more than a popup or a side panel shows at once. */
export const FIRST_ROWS = 8;

/**
 * The list of messages, each with its live countdown. Data in, nothing fetched here.
 * A long list renders in two steps: the first screen at once, the other rows right after in a
 * transition (interruptible, so the first screen paints and input stays responsive); every
 * row is then in the page (find in page, screen readers), and rows out of view skip layout
 * and paint (content-visibility in app.css).
 */
export function MessageList({
  messages,
  calendar,
  bodyName = (id) => id,
  onOpen,
  onPost,
  onRendered,
}: {
  messages: Message[] | undefined;
  calendar: WorkCalendar;
  bodyName?: (id: string) => string;
  onOpen?: (id: string) => void;
  /** Called when the post's link is followed (the popup also opens the desk on it). */
  onPost?: (id: string) => void;
  /** After each commit that changed how many rows are in the page: (rows in the page, rows in all). */
  onRendered?: (rows: number, total: number) => void;
}) {
  const [limit, setLimit] = useState(FIRST_ROWS);
  const total = messages?.length ?? 0;
  const shown = Math.min(total, limit);
  useEffect(() => {
    if (total <= limit) return;
    // After the first screen is painted: the next frame's rendering comes first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => startTransition(() => setLimit(Infinity)))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [total, limit]);
  const report = useRef(onRendered);
  useLayoutEffect(() => {
    report.current = onRendered;
  });
  const loaded = messages !== undefined;
  useLayoutEffect(() => {
    if (loaded) report.current?.(shown, total);
  }, [loaded, shown, total]);
  if (!messages) return <p className="aot-empty">{t('list.loading')}</p>;
  if (messages.length === 0) return <p className="aot-empty">{t('list.empty')}</p>;
  return (
    <ul className="aot-list" aria-label={t('list.title')}>
      {(shown < total ? messages.slice(0, shown) : messages).map((m) => (
        <Row key={m.id} message={m} calendar={calendar} bodyName={bodyName} {...(onOpen ? { onOpen } : {})} {...(onPost ? { onPost } : {})} />
      ))}
    </ul>
  );
}
