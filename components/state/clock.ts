/**
 * One clock for a whole page: a single timer updates `now` once a second, and each countdown
 * subscribes with a selector, so only rows whose text changed re-render.
 */
import { create } from 'zustand';

export const useClock = create<{ now: number }>(() => ({ now: Date.now() }));

let timer: ReturnType<typeof setTimeout> | undefined;
let users = 0;

function tick(): void {
  const now = Date.now();
  useClock.setState({ now });
  // Align to the next second boundary so every countdown changes together.
  timer = setTimeout(tick, 1000 - (now % 1000) + 5);
}

/** Starts the shared clock (reference-counted); call the returned function to stop. */
export function startClock(): () => void {
  users += 1;
  if (users === 1) tick();
  return () => {
    users -= 1;
    if (users === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}
