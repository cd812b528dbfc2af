/**
 * The period as two local dates in the region's zone, both included: from 00:00 of the first to
 * 24:00 of the last. A date that cannot be read, or an end before the start, is said, not used.
 */
import { DateTime } from 'luxon';
import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { Period } from '@/lib/reports';

const day = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISODate() ?? '';

/** The period of two local dates (inclusive), or why not. */
export function periodOfDays(from: string, to: string, zone: string): Period | 'bad-date' | 'reversed' {
  const a = DateTime.fromISO(from, { zone }).startOf('day');
  const b = DateTime.fromISO(to, { zone }).startOf('day');
  if (!a.isValid || !b.isValid || a.year < 2000 || b.year > 2100) return 'bad-date';
  if (b < a) return 'reversed';
  return { from: a.toMillis(), to: b.plus({ days: 1 }).toMillis() };
}

export function PeriodPicker({ zone, period, onChange }: { zone: string; period: Period | null; onChange: (p: Period) => void }) {
  // What is typed and not (yet) a period is kept here; otherwise the inputs show the period.
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(null);
  const from = draft?.from ?? (period ? day(period.from, zone) : '');
  const to = draft?.to ?? (period ? day(period.to - 1, zone) : '');
  const checked = from && to ? periodOfDays(from, to, zone) : null;
  const change = (next: { from: string; to: string }) => {
    const p = next.from && next.to ? periodOfDays(next.from, next.to, zone) : null;
    if (p && typeof p === 'object') {
      setDraft(null);
      onChange(p);
    } else setDraft(next);
  };
  return (
    <fieldset className="aot-period">
      <legend>{t('reports.period')}</legend>
      <label className="aot-field">
        <span className="aot-field__label">{t('reports.period.from')}</span>
        <input type="date" value={from} onChange={(e) => change({ from: e.target.value, to })} />
      </label>
      <label className="aot-field">
        <span className="aot-field__label">{t('reports.period.to')}</span>
        <input type="date" value={to} onChange={(e) => change({ from, to: e.target.value })} />
      </label>
      {checked === 'bad-date' || checked === 'reversed' ? (
        <p role="alert" className="aot-form__notice aot-form__notice--error">
          {t(`reports.period.${checked}`)}
        </p>
      ) : null}
    </fieldset>
  );
}
