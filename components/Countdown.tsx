import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import type { WorkCalendar } from '@/lib/worktime';
import { countdownView, type CountdownView } from './countdown-view';
import { formatInstant } from './format';
import { useClock } from './state/clock';

/** One IntersectionObserver for every countdown on the page. */
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

const MINUTE = 60_000;
const WATCHED = typeof IntersectionObserver !== 'undefined';

/**
 * A live countdown to dueAt in working time, on the page's one clock. A tick that only changes
 * the words writes them into the label's text node (no React render); a change of urgency or
 * of the off-hours pause re-renders the countdown. Scrolled out of view, it updates once a
 * minute instead of every second, so a tick costs only the rows in view. The urgency icon
 * comes from the stylesheet (one element per countdown: the popup draws hundreds).
 */
export const Countdown = memo(function Countdown({ dueAt, calendar }: { dueAt: number; calendar: WorkCalendar }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [view, setView] = useState<CountdownView>(() => countdownView(calendar, dueAt, useClock.getState().now));
  // Until the observer says otherwise a countdown counts as out of view (it was just drawn for
  // the current second anyway); without an observer (tests, old engines) every one is in view.
  const live = useRef({ now: useClock.getState().now, dueAt, calendar, view, visible: !WATCHED });
  useLayoutEffect(() => {
    live.current.view = view;
  }, [view]);
  useEffect(() => {
    const state = live.current;
    const update = (now: number) => {
      Object.assign(state, { now, dueAt, calendar });
      const next = countdownView(calendar, dueAt, now);
      const shown = state.view;
      if (next.urgency !== shown.urgency || next.paused !== shown.paused) return setView(next);
      // Same look, new words: write them into the text node React rendered.
      const text = ref.current?.firstChild;
      if (text && text.nodeType === Node.TEXT_NODE && (text as Text).data !== next.label) (text as Text).data = next.label;
    };
    const current = useClock.getState().now;
    if (current !== state.now || dueAt !== state.dueAt || calendar !== state.calendar) update(current);
    const unsubscribe = useClock.subscribe(({ now }) => {
      if (state.visible || Math.floor(now / MINUTE) !== Math.floor(state.now / MINUTE)) update(now);
    });
    const unwatch = ref.current
      ? watchVisibility(ref.current, (visible) => {
          state.visible = visible;
          if (visible) update(useClock.getState().now);
        })
      : () => undefined;
    return () => {
      unsubscribe();
      unwatch();
    };
  }, [dueAt, calendar]);
  return (
    <span
      ref={ref}
      className={`aot-countdown aot-countdown--${view.urgency}${view.paused ? ' aot-countdown--paused' : ''}`}
      data-testid="countdown"
      data-urgency={view.urgency}
      title={t('list.dueAt', { due: formatInstant(dueAt, calendar.spec.zone) })}
    >
      {view.label}
      {view.paused ? <span className="aot-countdown__paused"> · {t('countdown.paused')}</span> : null}
    </span>
  );
});
