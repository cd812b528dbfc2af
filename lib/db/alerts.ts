/**
 * Immediate alerts as stored (settings): which were shown, the spikes raised, which were
 * acknowledged, and the spike settings. Written by the background's alert check and by the desk
 * (acknowledging); read validated, so a damaged record is an empty one, never a crash.
 */
import { z } from 'zod';
import { DEFAULT_SPIKE_SETTINGS, type SpikeAlert, type SpikeSettings } from '../reports';
import type { AppDatabase } from './index';

export const ALERTS_KEY = 'alerts';
export const SPIKE_SETTINGS_KEY = 'alerts.spikeSettings';
/** Alerts older than this are forgotten (their acknowledgement with them). */
export const ALERTS_TTL_MS = 30 * 86_400_000;

const spikeSchema = z.object({
  kind: z.literal('spike'),
  id: z.string().max(500),
  topic: z.string().max(500),
  location: z.string().max(500).nullable(),
  firedAt: z.number(),
  count: z.number(),
  windowFrom: z.number(),
  windowMinutes: z.number(),
  baseline: z.number(),
  baselineDays: z.number(),
  threshold: z.number(),
  messageIds: z.array(z.string().max(200)).max(1000),
});

const stateSchema = z.object({
  /** Alert id → when its notification was shown. */
  notified: z.record(z.string(), z.number()).default({}),
  /** Alert id → when (and by whom) it was acknowledged. */
  acknowledged: z.record(z.string(), z.object({ at: z.number(), by: z.string().max(200) })).default({}),
  /** The spikes raised, newest last. */
  spikes: z.array(spikeSchema).max(1000).default([]),
});
export type AlertState = z.infer<typeof stateSchema>;

export const spikeSettingsSchema = z.object({
  windowMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
  baselineDays: z.number().int().min(3).max(90),
  threshold: z.number().min(1.5).max(20),
  minCount: z.number().int().min(2).max(500),
  topicWide: z.boolean(),
  minHistoryDays: z.number().int().min(0).max(90),
});

export function emptyAlertState(): AlertState {
  return { notified: {}, acknowledged: {}, spikes: [] };
}

export async function readAlertState(db: AppDatabase): Promise<AlertState> {
  const parsed = stateSchema.safeParse((await db.settings.get(ALERTS_KEY))?.value ?? {});
  return parsed.success ? (parsed.data as AlertState) : emptyAlertState();
}

/** Drops what is older than the TTL, then stores. */
export async function writeAlertState(db: AppDatabase, state: AlertState, now: number): Promise<void> {
  const fresh = (at: number) => now - at <= ALERTS_TTL_MS;
  const kept: AlertState = {
    notified: Object.fromEntries(Object.entries(state.notified).filter(([, at]) => fresh(at))),
    acknowledged: Object.fromEntries(Object.entries(state.acknowledged).filter(([, a]) => fresh(a.at))),
    spikes: state.spikes.filter((s) => fresh(s.firedAt)).slice(-500),
  };
  await db.settings.put({ key: ALERTS_KEY, value: kept });
}

/** Marks an alert acknowledged (one transaction: the check may write at the same time). */
export async function acknowledgeAlert(db: AppDatabase, id: string, by: string, now: number): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const state = await readAlertState(db);
    state.acknowledged[id] = { at: now, by };
    await writeAlertState(db, state, now);
  });
}

export async function readSpikeSettings(db: AppDatabase): Promise<SpikeSettings> {
  const parsed = spikeSettingsSchema.safeParse((await db.settings.get(SPIKE_SETTINGS_KEY))?.value);
  return parsed.success ? parsed.data : { ...DEFAULT_SPIKE_SETTINGS };
}

export async function saveSpikeSettings(db: AppDatabase, settings: SpikeSettings): Promise<void> {
  await db.settings.put({ key: SPIKE_SETTINGS_KEY, value: spikeSettingsSchema.parse(settings) });
}

export type { SpikeAlert };
