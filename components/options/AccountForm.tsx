/**
 * Adds an official account to the registry: the body, the page's address in any form (made
 * canonical and checked by lib/accounts), its name, administrators, and whether the page states
 * that it is official. Written on the database directly; a refusal is said with its clause.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ActId } from '@/lib/accounts';
import { getDb } from '@/lib/db';
import { registerAccount } from '@/lib/db/accounts';
import { t } from '@/lib/i18n';
import type { Workspace } from '@/lib/workflow/workspace';
import { errorCode } from '../errors';
import { accountsText, splitAdministrators } from './accounts-view';

export type Notice = { ok: boolean; text: string } | null;

export function AccountForm({ workspace, act, onNotice }: { workspace: Workspace; act: ActId; onNotice: (notice: Notice) => void }) {
  const id = useId();
  const [body, setBody] = useState('');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [administrators, setAdministrators] = useState('');
  const [statesOfficial, setStatesOfficial] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body) return onNotice({ ok: false, text: t('accounts.ui.noBody') });
    setBusy(true);
    try {
      const input = { id: crypto.randomUUID(), body, url, name, administrators: splitAdministrators(administrators), statesOfficial };
      const result = await registerAccount(getDb(), act, input, Date.now());
      if (!result.ok) return onNotice({ ok: false, text: accountsText(result.error) });
      onNotice({ ok: true, text: t('accounts.ui.added', { name: name.trim() }) });
      setUrl('');
      setName('');
      setAdministrators('');
      setStatesOfficial(false);
    } catch (error) {
      console.warn('[aot] adding an account failed', error);
      onNotice({ ok: false, text: t('accounts.ui.failed', { code: errorCode(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="aot-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="account-form">
      <h3 id={`${id}-title`}>{t('accounts.ui.form')}</h3>
      <label className="aot-field">
        <span className="aot-field__label">{t('accounts.ui.field.body')}</span>
        <select required value={body} onChange={(e) => setBody(e.target.value)}>
          <option value="">—</option>
          {workspace.bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label className="aot-field">
        <span className="aot-field__label">{t('accounts.ui.field.url')}</span>
        <input
          required
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          placeholder="https://vk.com/…"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <label className="aot-field">
        <span className="aot-field__label">{t('accounts.ui.field.name')}</span>
        <input required maxLength={300} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="aot-field">
        <span className="aot-field__label">{t('accounts.ui.field.administrators')}</span>
        <textarea rows={2} value={administrators} onChange={(e) => setAdministrators(e.target.value)} />
      </label>
      <label className="aot-check">
        <input type="checkbox" checked={statesOfficial} onChange={(e) => setStatesOfficial(e.target.checked)} /> {t('accounts.ui.field.statesOfficial')}
      </label>
      <div className="aot-buttons">
        <button type="submit" className="aot-button aot-button--primary" disabled={busy}>
          {t('accounts.ui.submit')}
        </button>
      </div>
    </form>
  );
}
