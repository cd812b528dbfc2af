import { useEffect, useState } from 'react';
import { LOCALE_CHOICES, t, type LocaleChoice } from '@/lib/i18n';
import { browserLocaleApi, LOCALE_CHOICE_KEY, readLocaleChoice, saveLocaleChoice } from '@/lib/platform/locale';

/**
 * «Язык интерфейса»: the browser's language (the default) or one of ours. Stored in
 * storage.local; every page, the background and the content scripts follow it.
 */
export function Language() {
  const [choice, setChoice] = useState<LocaleChoice | null>(null);
  useEffect(() => {
    const api = browserLocaleApi();
    void readLocaleChoice(api).then(setChoice);
    return api.storage.onChanged((changes) => {
      if (LOCALE_CHOICE_KEY in changes) void readLocaleChoice(api).then(setChoice);
    });
  }, []);
  return (
    <section className="aot-section">
      <label className="aot-field aot-field--inline">
        <span className="aot-field__label">{t('options.language')}</span>
        <select
          value={choice ?? 'auto'}
          disabled={choice === null}
          data-testid="ui-language"
          onChange={(e) => {
            const next = e.target.value as LocaleChoice;
            setChoice(next);
            void saveLocaleChoice(browserLocaleApi(), next);
          }}
        >
          {LOCALE_CHOICES.map((c) => (
            <option key={c} value={c} lang={c === 'auto' ? undefined : c}>
              {t(`options.language.${c}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
