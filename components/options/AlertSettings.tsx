/**
 * When a spike of activity raises an alert: the sliding window, how many times the usual count,
 * and the fewest messages; checked with the stored settings' own schema before they are saved.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '@/lib/db';
import { readSpikeSettings, saveSpikeSettings, spikeSettingsSchema } from '@/lib/db/alerts';
import { t } from '@/lib/i18n';
import { DEFAULT_SPIKE_SETTINGS, type SpikeSettings } from '@/lib/reports';

export function AlertSettings() {
  const stored = useLiveQuery(() => readSpikeSettings(getDb()), []);
  return stored ? <AlertSettingsForm initial={stored} /> : null;
}

function AlertSettingsForm({ initial }: { initial: SpikeSettings }) {
  const [draft, setDraft] = useState<SpikeSettings>(initial);
  const [status, setStatus] = useState<'saved' | 'invalid' | null>(null);
  const field = (key: 'windowMinutes' | 'threshold' | 'minCount' | 'baselineDays', label: string, step = 1) => (
    <label className="aot-field">
      <span className="aot-field__label">{label}</span>
      <input
        type="number"
        step={step}
        value={draft[key]}
        onChange={(e) => {
          setStatus(null);
          setDraft({ ...draft, [key]: Number(e.target.value) });
        }}
      />
    </label>
  );
  return (
    <section className="aot-section" aria-labelledby="alert-settings-title">
      <h2 id="alert-settings-title">{t('options.alerts')}</h2>
      <p className="aot-muted">{t('options.alerts.note')}</p>
      <form
        className="aot-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const checked = spikeSettingsSchema.safeParse(draft);
          if (!checked.success) return setStatus('invalid');
          void saveSpikeSettings(getDb(), checked.data).then(() => setStatus('saved'));
        }}
      >
        {field('windowMinutes', t('options.alerts.window'), 15)}
        {field('threshold', t('options.alerts.threshold'), 0.5)}
        {field('minCount', t('options.alerts.minCount'))}
        {field('baselineDays', t('options.alerts.baselineDays'))}
        <button type="submit" className="aot-button">
          {t('options.alerts.save')}
        </button>
        <button
          type="button"
          className="aot-button"
          onClick={() => {
            setDraft({ ...DEFAULT_SPIKE_SETTINGS });
            setStatus(null);
          }}
        >
          {t('options.alerts.defaults')}
        </button>
        {status === 'saved' ? <span role="status">{t('options.alerts.saved')}</span> : null}
        {status === 'invalid' ? (
          <span role="alert" className="aot-form__notice aot-form__notice--error">
            {t('options.alerts.invalid')}
          </span>
        ) : null}
      </form>
    </section>
  );
}
