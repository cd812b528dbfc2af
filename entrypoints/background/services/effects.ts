import { asEffectFailures, EFFECT_FAILURES_KEY } from '@/lib/model/effects';

export { asEffectFailures, EFFECT_FAILURES_KEY, type EffectFailure, type EffectFailures } from '@/lib/model/effects';

/**
 * Side effects of a step (the badge, the title, notifications, pokes): run after the step is
 * committed, never its outcome. A failure is logged and counted for the diagnostics view
 * (storage.local `health.effects`), and never reaches the person as "not saved".
 */
/** The key-value store the counts live in (storage.local in the extension). */
export interface KeyValuePort {
  get(key: string): Promise<unknown>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface EffectsDeps {
  store: KeyValuePort;
  now: () => number;
  log?: (message: string, error: unknown) => void;
}

export interface Effects {
  /** Runs a side effect; resolves to whether it succeeded. Never rejects. */
  run(name: string, effect: () => Promise<unknown>): Promise<boolean>;
}

export function createEffects({ store, now, log = (m, e) => console.warn(`[aot] ${m}`, e) }: EffectsDeps): Effects {
  // Counts are written one after another, so two failures at once are both counted.
  let queue: Promise<unknown> = Promise.resolve();
  const count = (name: string, error: unknown) => {
    queue = queue
      .then(async () => {
        const all = asEffectFailures(await store.get(EFFECT_FAILURES_KEY));
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        all[name] = { count: (all[name]?.count ?? 0) + 1, lastAt: now(), lastError: text.slice(0, 300) };
        await store.set({ [EFFECT_FAILURES_KEY]: all });
      })
      .catch((e: unknown) => log('effect failure not counted', e));
    return queue;
  };
  return {
    async run(name, effect) {
      try {
        await effect();
        return true;
      } catch (error) {
        log(`${name} failed (the step itself is saved)`, error);
        await count(name, error);
        return false;
      }
    },
  };
}
