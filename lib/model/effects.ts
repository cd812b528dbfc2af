/**
 * What the background records when a side effect fails (storage.local), and the options
 * page's diagnostics read: per effect, how often, when last, and the last error's text.
 */
export const EFFECT_FAILURES_KEY = 'health.effects';

export interface EffectFailure {
  count: number;
  lastAt: number;
  lastError: string;
}
export type EffectFailures = Record<string, EffectFailure>;

export function asEffectFailures(value: unknown): EffectFailures {
  if (!value || typeof value !== 'object') return {};
  const out: EffectFailures = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const f = v as Partial<EffectFailure> | null;
    if (f && typeof f.count === 'number' && typeof f.lastAt === 'number')
      out[name] = { count: f.count, lastAt: f.lastAt, lastError: String(f.lastError ?? '').slice(0, 300) };
  }
  return out;
}
