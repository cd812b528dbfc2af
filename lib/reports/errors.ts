/** The one error lib/reports throws for bad input: a code and its values, which the UI says in its own words. */
export type ReportErrorCode =
  /** An instant (from, to, now, at) is not an integer epoch ms in [MIN_INSTANT, MAX_INSTANT]. */
  | 'period-out-of-range'
  /** from is not before to. */
  | 'period-reversed'
  /** The period is longer than MAX_PERIOD_DAYS. */
  | 'period-too-long'
  /** The calendar's zone is unknown. */
  | 'bad-zone'
  /** An option (a setting, bucket edges, a table's columns) is out of its range. */
  | 'bad-option';

export interface ReportErrorParams {
  value: string | number;
  min?: string | number;
  max?: string | number;
}

export class ReportError extends RangeError {
  override readonly name = 'ReportError';
  constructor(
    readonly code: ReportErrorCode,
    readonly params: ReportErrorParams,
    detail?: string,
  ) {
    super(`${code}: ${detail ?? String(params.value)}`);
  }
}
