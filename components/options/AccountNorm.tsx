/**
 * The weekly publication norm (issue 19): the act's (Saratov п. 4 mandatory; Yakutia 2.2 and
 * Khabarovsk recommended), or the workspace's own, editable here; the bar on a body's page
 * counts against it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { publicationNorm, type ActId } from '@/lib/accounts';
import { getDb } from '@/lib/db';
import { loadNormSetting, saveNormSetting } from '@/lib/db/accounts';
import { t } from '@/lib/i18n';
import { clauseText } from './accounts-view';

export function AccountNorm({ act }: { act: ActId }) {
  const setting = useLiveQuery(() => loadNormSetting(getDb()), []);
  const [min, setMin] = useState('');
  const [level, setLevel] = useState<'mandatory' | 'recommended'>('recommended');
  if (setting === undefined) return null;
  const actNorm = publicationNorm(act, 'body');
  const current = publicationNorm(act, 'body', setting);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(min);
    if (!Number.isInteger(n) || n < 0 || n > 100) return;
    void saveNormSetting(getDb(), { min: n, level });
    setMin('');
  };
  return (
    <form className="aot-form" onSubmit={save} aria-labelledby="norm-title" data-testid="account-norm">
      <h3 id="norm-title">{t('accounts.ui.norm.title')}</h3>
      <p data-testid="account-norm-current">
        {current
          ? t(current.own ? 'accounts.ui.norm.own' : 'accounts.ui.norm.act', {
              min: current.min,
              level: t(current.level === 'mandatory' ? 'ownpage.mandatory' : 'ownpage.recommended'),
              clause: current.clause ? clauseText(current.clause) : '',
            })
          : t('accounts.ui.norm.none')}
      </p>
      <div className="aot-toolbar">
        <label className="aot-field">
          <span>{t('accounts.ui.norm.min')}</span>
          <input type="number" min={0} max={100} step={1} required value={min} onChange={(e) => setMin(e.target.value)} />
        </label>
        <label className="aot-field">
          <span>{t('accounts.ui.norm.level')}</span>
          <select value={level} onChange={(e) => setLevel(e.target.value as 'mandatory' | 'recommended')}>
            <option value="recommended">{t('ownpage.recommended')}</option>
            <option value="mandatory">{t('ownpage.mandatory')}</option>
          </select>
        </label>
      </div>
      <div className="aot-buttons">
        <button type="submit" className="aot-button">
          {t('accounts.ui.norm.save')}
        </button>
        {setting && actNorm ? (
          <button type="button" className="aot-button" onClick={() => void saveNormSetting(getDb(), null)}>
            {t('accounts.ui.norm.reset')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
