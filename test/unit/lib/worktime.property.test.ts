/**
 * Property tests of the working-time arithmetic on random calendars: algebra (inverse,
 * monotonic, additive) and agreement with a deliberately naive reference that walks wall time
 * minute by minute through Luxon, sharing no code with the engine.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, createWorkCalendar, subtractWorkingMinutes, workingMinutesBetween, type ScheduleSpec } from '@/lib/worktime';

const ZONES = ['UTC', 'Europe/Moscow', 'Asia/Yakutsk', 'Asia/Vladivostok', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu'];
const hhmm = (q: number) => (q === 96 ? '24:00' : `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Non-overlapping quarter-hour intervals of one day, possibly ending at 24:00. */
const dayIntervals = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 }).map((qs) => {
  const sorted = [...qs].sort((a, b) => a - b);
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)]);
  return out;
});

const FROM = Date.UTC(2026, 0, 5);
const SPAN = 12 * 86_400_000;

const specArb: fc.Arbitrary<ScheduleSpec> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    week: fc.tuple(dayIntervals, dayIntervals, dayIntervals, dayIntervals, dayIntervals, dayIntervals, dayIntervals),
    overrides: fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), dayIntervals), { maxLength: 4 }),
  })
  .filter(({ week }) => week.flat().reduce((sum, [a, b]) => sum + toMin(b) - toMin(a), 0) >= 120)
  .map(({ zone, week, overrides }) => ({
    zone,
    week: { '1': week[0], '2': week[1], '3': week[2], '4': week[3], '5': week[4], '6': week[5], '7': week[6] },
    days: Object.fromEntries(overrides.map(([d, list]) => [DateTime.fromMillis(FROM + d * 86_400_000, { zone: 'UTC' }).toISODate()!, list])),
  }));

const instant = fc.integer({ min: FROM, max: FROM + SPAN }); // millisecond precision

// ---- the naive reference -------------------------------------------------------------------
function naiveWorking(spec: ScheduleSpec, ms: number): boolean {
  const dt = DateTime.fromMillis(ms, { zone: spec.zone });
  const list = spec.days?.[dt.toISODate()!] ?? spec.week[String(dt.weekday) as '1'];
  const minute = dt.hour * 60 + dt.minute;
  return list.some(([a, b]) => toMin(a) <= minute && minute < toMin(b));
}
function naiveBetween(spec: ScheduleSpec, a: number, b: number): number {
  let sum = 0;
  for (let x = a; x < b;) {
    const next = Math.min(b, Math.floor(x / 60_000) * 60_000 + 60_000);
    if (naiveWorking(spec, x)) sum += next - x;
    x = next;
  }
  return sum;
}
function naiveAdd(spec: ScheduleSpec, t: number, minutes: number): number {
  let left = minutes * 60_000;
  if (left === 0) return t;
  for (let x = t; ;) {
    const next = Math.floor(x / 60_000) * 60_000 + 60_000;
    if (naiveWorking(spec, x)) {
      if (next - x >= left) return x + left;
      left -= next - x;
    }
    x = next;
  }
}

describe('working-time arithmetic, properties', () => {
  it('agrees with the naive minute-stepping reference on between', () => {
    fc.assert(
      fc.property(specArb, instant, fc.integer({ min: 0, max: 4 * 86_400_000 }), (spec, a, len) => {
        const cal = createWorkCalendar(spec);
        expect(workingMinutesBetween(cal, a, a + len) * 60_000).toBeCloseTo(naiveBetween(spec, a, a + len), 6);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with the naive reference on add', () => {
    fc.assert(
      fc.property(specArb, instant, fc.integer({ min: 0, max: 900 }), (spec, t, n) => {
        const cal = createWorkCalendar(spec);
        expect(addWorkingMinutes(cal, t, n)).toBe(naiveAdd(spec, t, n));
      }),
      { numRuns: 60 },
    );
  });

  it('add and between are inverse; add is the earliest such instant', () => {
    fc.assert(
      fc.property(specArb, instant, fc.integer({ min: 1, max: 5000 }), (spec, t, n) => {
        const cal = createWorkCalendar(spec);
        const u = addWorkingMinutes(cal, t, n);
        expect(u).toBeGreaterThan(t);
        expect(workingMinutesBetween(cal, t, u)).toBe(n);
        expect(workingMinutesBetween(cal, t, u - 1)).toBeLessThan(n);
        // subtract is the inverse from the other side
        const s = subtractWorkingMinutes(cal, u, n);
        expect(workingMinutesBetween(cal, s, u)).toBe(n);
        expect(s).toBeGreaterThanOrEqual(t);
      }),
      { numRuns: 200 },
    );
  });

  it('add is monotonic and additive: add(t, a + b) = add(add(t, a), b)', () => {
    fc.assert(
      fc.property(specArb, instant, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (spec, t, a, b) => {
        const cal = createWorkCalendar(spec);
        expect(addWorkingMinutes(cal, t, a + b)).toBe(addWorkingMinutes(cal, addWorkingMinutes(cal, t, a), b));
        expect(addWorkingMinutes(cal, t, a)).toBeLessThanOrEqual(addWorkingMinutes(cal, t, a + b));
        if (b > 0) expect(addWorkingMinutes(cal, t, a)).toBeLessThan(addWorkingMinutes(cal, t, a + b));
      }),
      { numRuns: 200 },
    );
  });

  it('between is additive over adjacent ranges and monotonic in its end', () => {
    fc.assert(
      fc.property(specArb, instant, instant, instant, (spec, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const cal = createWorkCalendar(spec);
        const ab = workingMinutesBetween(cal, a, b);
        const bc = workingMinutesBetween(cal, b, c);
        expect((ab + bc) * 60_000).toBeCloseTo(workingMinutesBetween(cal, a, c) * 60_000, 3);
        expect(workingMinutesBetween(cal, a, c)).toBeGreaterThanOrEqual(ab);
      }),
      { numRuns: 200 },
    );
  });
});
