/**
 * Why a spike alert fired, as a Reason the UI says (lib never words anything itself):
 * «12 сообщений на тему «Отопление» (Якутск) за 3 ч, обычно 2». Numbers are formatted by the
 * caller's `num` (its locale); the window is said in hours.
 */
import { reason, type Reason } from '../i18n';
import type { SpikeAlert } from './alerts';

export function spikeReason(spike: Pick<SpikeAlert, 'count' | 'topic' | 'location' | 'windowMinutes' | 'baseline'>, num: (n: number) => string): Reason {
  const params = { count: spike.count, topic: spike.topic, hours: num(spike.windowMinutes / 60), usual: num(spike.baseline) };
  return spike.location === null || spike.location === ''
    ? reason('alerts.spike.whyTopic', params)
    : reason('alerts.spike.why', { ...params, location: spike.location });
}
