/** Shapes of the working-time module (no runtime code, so any bundle may import them). */
export type IsoWeekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export type LocalInterval = [string, string];

export interface ScheduleSpec {
  zone: string;
  week: Record<IsoWeekday, LocalInterval[]>;
  days?: Record<string, LocalInterval[]>;
}

/** A working interval as absolute instants, [start, end). */
export interface WorkInterval {
  start: number;
  end: number;
}

export interface WorkCalendar {
  readonly spec: ScheduleSpec;
  /** Working intervals of one local date ('yyyy-MM-dd'), as instants (computed on each call from the year's index). */
  intervalsOn(localDate: string): readonly WorkInterval[];
}
