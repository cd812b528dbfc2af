/** Local dates of lib/worktime, for the modules here (one place that reaches into its local helpers). */
import { IANAZone } from 'luxon';
import { wallToEpoch } from '../worktime/local';

export { dayKey, dayNumberOf } from '../worktime/local';

/** The instant of a local wall time (`minutes` after midnight of a day number) in a zone. */
export function wallToEpochIn(zone: string, dayNumber: number, minutes: number): number {
  return wallToEpoch(IANAZone.create(zone), dayNumber, minutes);
}
