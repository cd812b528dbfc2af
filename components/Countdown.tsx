import { memo, useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import type { WorkCalendar } from '@/lib/worktime';
import { countdownView } from './countdown-view';
import { formatInstant } from './format';
import { useClock } from './state/clock';

const ICON = { calm: '◷', soon: '⚠', overdue: '⛔' } as const;

/** One IntersectionObserver for every countdown on the page: off-screen ones tick per minute. */
const listeners = new WeakMap<Element, (visible: boolean) => void>();
let observer: IntersectionObserver | undefined;
function watchVisibility(el: Element, onChange: (visible: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => undefined;
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
  });
  listeners.set(el, onChange);
  observer.observe(el);
  return () => {
    observer?.unobserve(el);
    listeners.delete(el);
  };
}

/**
 * A live countdown to dueAt in working time. Subscribes to the shared clock through a
 * selector that returns the rendered text, so it re-renders only when the text changes; while
 * scrolled out of view it follows the clock by the minute only.
 */
export const Countdown = memo(function Countdown({ dueAt, calendar }: { dueAt: number; calendar: WorkCalendar }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [visible, setVisible] = useState(true);
  useEffect(() => (ref.current ? watchVisibility(ref.current, setVisible) : undefined), []);
  // The selector runs on every tick for every countdown: off-screen ones reuse the text of
  // the current minute instead of computing it again.
  const cache = useRef<{ at: number; dueAt: number; calendar: WorkCalendar; text: string } | null>(null);
  const view = useClock((s) => {
    const now = visible ? s.now : Math.floor(s.now / 60_000) * 60_000;
    const hit = cache.current;
    if (hit && hit.at === now && hit.dueAt === dueAt && hit.calendar === calendar) return hit.text;
    const v = countdownView(calendar, dueAt, now);
    const text = `${v.urgency}|${v.paused ? 1 : 0}|${v.label}`;
    cache.current = { at: now, dueAt, calendar, text };
    return text;
  });
  const [urgency, paused, label] = view.split('|') as [keyof typeof ICON, string, string];
  const due = formatInstant(dueAt, calendar.spec.zone);
  return (
    <span
      ref={ref}
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
