/**
 * The range working-time arithmetic is defined on, and the one error it throws for anything
 * outside it. No Luxon here, so a schema anywhere (lib/model, lib/db) may bound its timestamps
 * with the same numbers without loading the engine.
 *
 * Every instant a public function of lib/worktime takes or returns is a finite number in
 * [MIN_INSTANT, MAX_INSTANT]; anything else (1e300, NaN, ±Infinity, a string) is refused with a
 * WorkTimeRangeError before it reaches the index, so no input can leave a calendar half-built
 * or make a loop spin.
 */

/** The first instant (epoch ms, inclusive) working-time arithmetic takes or returns: 1970-01-01T00:00:00Z. */
export const MIN_INSTANT = 0;
/** The last instant (epoch ms, inclusive): 2200-01-01T00:00:00Z. */
export const MAX_INSTANT = Date.UTC(2200, 0, 1);

/**
 * Local years the index may cover: every local date of an instant in [MIN_INSTANT, MAX_INSTANT]
 * in any zone (UTC−12 sees MIN_INSTANT on 31 Dec 1969, UTC+14 sees MAX_INSTANT on 1 Jan 2200).
 * Local dates ('yyyy-MM-dd') and schedule years are accepted in this range.
 */
export const WORKTIME_YEARS = { from: 1969, to: 2200 } as const;

/** The largest working-minute count addWorkingMinutes / subtractWorkingMinutes accept (200 years of minutes). */
export const MAX_WORKING_MINUTES = 200 * 366 * 24 * 60;
/** The largest working-day count addWorkingDays accepts (200 years of days). */
export const MAX_WORKING_DAYS = 200 * 366;

export type WorkTimeErrorCode =
  /** An instant argument is not a finite number in [MIN_INSTANT, MAX_INSTANT]. */
  | 'instant-out-of-range'
  /** A minute or day count is not an integer within its bounds. */
  | 'count-out-of-range'
  /** A local date is not an existing 'yyyy-MM-dd' date of WORKTIME_YEARS (or a day number outside them). */
  | 'date-out-of-range'
  /** A year (a schedule option) is not an integer in WORKTIME_YEARS. */
  | 'year-out-of-range'
  /** The answer would lie outside [MIN_INSTANT, MAX_INSTANT]. */
  | 'result-out-of-range'
  /** The schedule has so many intervals that covering the query would take too much memory. */
  | 'index-too-large'
  /** A loop ran past its bound: a guard against a bug, never expected. */
  | 'iteration-limit';

export interface WorkTimeErrorParams {
  /** The offending value (an instant, a count, a date, a year), or the computed result. */
  value: number | string;
  min?: number | string;
  max?: number | string;
}

/**
 * The error of lib/worktime for anything outside its range. A RangeError, so callers that catch
 * RangeError keep working; `code` and `params` let the UI say what happened in its own words.
 */
export class WorkTimeRangeError extends RangeError {
  override readonly name = 'WorkTimeRangeError';
  constructor(
    readonly code: WorkTimeErrorCode,
    readonly params: WorkTimeErrorParams,
    detail?: string,
  ) {
    super(`${code}: ${detail ?? String(params.value)}${bounds(params)}`);
  }
}

function bounds({ min, max }: WorkTimeErrorParams): string {
  if (min !== undefined && max !== undefined) return ` (allowed ${min} to ${max})`;
  if (max !== undefined) return ` (at most ${max})`;
  return min !== undefined ? ` (at least ${min})` : '';
}

const shown = (value: unknown): number | string => (typeof value === 'number' || typeof value === 'string' ? value : String(value));

/** Thrown by checkInstant (kept apart so the check itself stays small enough to inline). */
function instantError(value: unknown): WorkTimeRangeError {
  return new WorkTimeRangeError(
    'instant-out-of-range',
    { value: shown(value), min: MIN_INSTANT, max: MAX_INSTANT },
    `${typeof value === 'number' ? String(value) : `${typeof value} ${String(value)}`} is not an instant in epoch ms`,
  );
}

/** Refuses anything but a finite number in [MIN_INSTANT, MAX_INSTANT] (fractional ms allowed). */
export function checkInstant(ms: number): void {
  // The comparisons are false for NaN; typeof keeps a numeric string from being coerced.
  if (typeof ms !== 'number' || !(ms >= MIN_INSTANT && ms <= MAX_INSTANT)) throw instantError(ms);
}

/** Refuses anything but an integer in [min, max]. */
export function checkCount(value: number, min: number, max: number, what: string): void {
  if (!(value >= min && value <= max && Number.isInteger(value))) throw countError(value, min, max, what);
}

function countError(value: unknown, min: number, max: number, what: string): WorkTimeRangeError {
  return new WorkTimeRangeError('count-out-of-range', { value: shown(value), min, max }, `${what}: ${String(value)} is not an integer in range`);
}

/** Refuses anything but an integer year in WORKTIME_YEARS. */
export function checkYear(year: number): void {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < WORKTIME_YEARS.from || year > WORKTIME_YEARS.to)
    throw new WorkTimeRangeError('year-out-of-range', { value: shown(year), min: WORKTIME_YEARS.from, max: WORKTIME_YEARS.to }, `year ${String(year)}`);
}

/**
 * The answer lies beyond the range: `value` is the answer when it was computed, otherwise the
 * instant the query started from.
 */
export function resultError(value: number, detail: string): WorkTimeRangeError {
  return new WorkTimeRangeError('result-out-of-range', { value, min: MIN_INSTANT, max: MAX_INSTANT }, detail);
}

/** A loop ran past its bound. */
export function iterationLimit(where: string, bound: number): WorkTimeRangeError {
  return new WorkTimeRangeError('iteration-limit', { value: bound }, `${where} ran more than ${bound} times`);
}
