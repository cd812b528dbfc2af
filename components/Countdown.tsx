import { memo } from 'react';
import { t } from '@/lib/i18n';
import type { WorkCalendar } from '@/lib/worktime';
import { countdownView } from './countdown-view';
import { formatInstant } from './format';
import { useClock } from './state/clock';

const ICON = { calm: '◷', soon: '⚠', overdue: '⛔' } as const;

/**
 * A live countdown to dueAt in working time. Subscribes to the shared clock through a
 * selector that returns the rendered text, so it re-renders only when the text changes.
 */
export const Countdown = memo(function Countdown({ dueAt, calendar }: { dueAt: number; calendar: WorkCalendar }) {
  const view = useClock((s) => {
    const v = countdownView(calendar, dueAt, s.now);
    return `${v.urgency}|${v.paused ? 1 : 0}|${v.label}`;
  });
  const [urgency, paused, label] = view.split('|') as [keyof typeof ICON, string, string];
  const due = formatInstant(dueAt, calendar.spec.zone);
  return (
    <span
      className={`aot-countdown aot-countdown--${urgency}`}
      data-testid="countdown"
      data-urgency={urgency}
      title={t('list.dueAt', { due })}
    >
      <span aria-hidden="true">{ICON[urgency]} </span>
      {label}
      {paused === '1' ? <span className="aot-countdown__paused"> · {t('countdown.paused')}</span> : null}
    </span>
  );
});
