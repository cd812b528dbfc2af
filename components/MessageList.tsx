import { memo } from 'react';
import { t } from '@/lib/i18n';
import type { Message } from '@/lib/workflow/model';
import type { WorkCalendar } from '@/lib/worktime';
import { Countdown } from './Countdown';

const SITE_ICON = { vk: 'VK', ok: 'OK' } as const;

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
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
      <div className="aot-row__meta">
        <span>{message.topic}</span>
        {message.location ? <span> · {message.location}</span> : null}
        {message.bodies.length ? <span> · {t('list.executor', { executor: message.bodies.map(bodyName).join(', ') })}</span> : null}
      </div>
      {message.nextDueAt !== undefined ? <Countdown dueAt={message.nextDueAt} calendar={calendar} /> : null}
      {onOpen ? (
        <button type="button" className="aot-link-button aot-row__open" onClick={() => onOpen(message.id)}>
          {t('list.openCard')}
        </button>
      ) : null}
    </li>
  );
});

/** The list of messages, each with its live countdown. Data in, nothing fetched here. */
export function MessageList({
  messages,
  calendar,
  bodyName = (id) => id,
  onOpen,
  onPost,
}: {
  messages: Message[] | undefined;
  calendar: WorkCalendar;
  bodyName?: (id: string) => string;
  onOpen?: (id: string) => void;
  /** Called when the post's link is followed (the popup also opens the desk on it). */
  onPost?: (id: string) => void;
}) {
  if (!messages) return <p className="aot-empty">{t('list.loading')}</p>;
  if (messages.length === 0) return <p className="aot-empty">{t('list.empty')}</p>;
  return (
    <ul className="aot-list" aria-label={t('list.title')}>
      {messages.map((m) => (
        <Row key={m.id} message={m} calendar={calendar} bodyName={bodyName} {...(onOpen ? { onOpen } : {})} {...(onPost ? { onPost } : {})} />
      ))}
    </ul>
  );
}
