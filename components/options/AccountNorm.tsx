/**
 * The weekly publication norm (issue 19): the act's (Saratov п. 4 mandatory; Yakutia 2.2 and
 * Khabarovsk recommended — ≥ 5 for the bodies' accounts, ≥ 10 for the Government's, each said
 * where the act tells them apart), or the workspace's own for every account, editable here; the
 * bar on a body's page counts against the norm of the account's kind.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { distinguishesGovernment, publicationNorm, type ActId, type BodyKind, type NormSetting } from '@/lib/accounts';
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
  const kinds: readonly BodyKind[] = distinguishesGovernment(act) ? ['body', 'government'] : ['body'];
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
      {kinds.map((kind) => (
        <p key={kind} data-testid={kind === 'body' ? 'account-norm-current' : 'account-norm-government'}>
          {kinds.length > 1
            ? t('accounts.ui.norm.forKind', { kind: t(`accounts.ui.norm.kind.${kind}`), text: normText(act, kind, setting) })
            : normText(act, kind, setting)}
        </p>
      ))}
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

/** The norm of an account kind as said here: the act's with its clause, the workspace's own, or none. */
export function normText(act: ActId, kind: BodyKind, setting: NormSetting | null): string {
  const current = publicationNorm(act, kind, setting);
  if (!current) return t('accounts.ui.norm.none');
  return t(current.own ? 'accounts.ui.norm.own' : 'accounts.ui.norm.act', {
    min: current.min,
    level: t(current.level === 'mandatory' ? 'ownpage.mandatory' : 'ownpage.recommended'),
    clause: current.clause ? clauseText(current.clause) : '',
  });
}
