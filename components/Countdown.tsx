import { memo, useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import type { WorkCalendar } from '@/lib/worktime';
import { countdownView } from './countdown-view';
import { formatInstant } from './format';
import { useClock, useMinuteClock } from './state/clock';

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
 * A live countdown to dueAt in working time, on the shared clock. A tick that only changes
 * the words writes them into the label's text node (no React render); a change of urgency or
 * of the off-hours pause re-renders the countdown. While scrolled out of view it follows the
 * minute clock instead of the second one, so a tick reaches only the rows in view.
 */
export const Countdown = memo(function Countdown({ dueAt, calendar }: { dueAt: number; calendar: WorkCalendar }) {
  const ref = useRef<HTMLSpanElement>(null);
  const label = useRef<HTMLSpanElement>(null);
  const [visible, setVisible] = useState(true);
  useEffect(() => (ref.current ? watchVisibility(ref.current, setVisible) : undefined), []);
  const shown = useRef({ now: useClock.getState().now, dueAt, calendar });
  const [view, setView] = useState(() => countdownView(calendar, dueAt, shown.current.now));
  useEffect(() => {
    const store = visible ? useClock : useMinuteClock;
    const update = (now: number) => {
      const last = shown.current;
      if (last.now === now && last.dueAt === dueAt && last.calendar === calendar) return;
      shown.current = { now, dueAt, calendar };
      const next = countdownView(calendar, dueAt, now);
      if (next.urgency !== view.urgency || next.paused !== view.paused) return setView(next);
      // Same look, new words: write them into the text node React rendered.
      const text = label.current?.firstChild;
      if (text && text.nodeType === Node.TEXT_NODE && (text as Text).data !== next.label) (text as Text).data = next.label;
    };
    update(visible ? useClock.getState().now : useMinuteClock.getState().now);
    return store.subscribe((s) => update(s.now));
  }, [visible, dueAt, calendar, view.urgency, view.paused]);
  const due = formatInstant(dueAt, calendar.spec.zone);
  return (
    <span
      ref={ref}
      className={`aot-countdown aot-countdown--${view.urgency}${view.paused ? ' aot-countdown--paused' : ''}`}
      data-testid="countdown"
      data-urgency={view.urgency}
      title={t('list.dueAt', { due })}
    >
      <span aria-hidden="true">{ICON[view.urgency]} </span>
      <span ref={label}>{view.label}</span>
      {view.paused ? <span className="aot-countdown__paused"> · {t('countdown.paused')}</span> : null}
    </span>
  );
});
