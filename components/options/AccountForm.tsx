/**
 * Adds an official account to the registry, or changes one (the same form, prefilled): the body,
 * the page's address in any form (made canonical and checked by lib/accounts), its name,
 * administrators, whether the page states that it is official, and — where the act tells the
 * Government's accounts from the bodies' (Khabarovsk п. 2.1) — whose account it is. Written on the
 * database directly; a refusal is said with its clause.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { distinguishesGovernment, type Account, type ActId, type BodyKind } from '@/lib/accounts';
import { getDb } from '@/lib/db';
import { editAccount, registerAccount } from '@/lib/db/accounts';
import { t } from '@/lib/i18n';
import type { Workspace } from '@/lib/workflow/workspace';
import { errorCode } from '../errors';
import { accountsText, splitAdministrators } from './accounts-view';

export type Notice = { ok: boolean; text: string } | null;

export function AccountForm({
  workspace,
  act,
  onNotice,
  editing,
  onDone,
}: {
  workspace: Workspace;
  act: ActId;
  onNotice: (notice: Notice) => void;
  /** The account being changed (the form prefilled with it); absent: a new one is added. */
  editing?: Account;
  /** The change was saved or cancelled. */
  onDone?: () => void;
}) {
  const id = useId();
  const [body, setBody] = useState(editing?.body ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [administrators, setAdministrators] = useState(editing?.administrators.join('\n') ?? '');
  const [statesOfficial, setStatesOfficial] = useState(editing?.statesOfficial ?? false);
  const [kind, setKind] = useState<BodyKind>(editing?.kind ?? 'body');
  const [busy, setBusy] = useState(false);
  const urlField = useRef<HTMLInputElement>(null);
  const withKind = distinguishesGovernment(act) || kind === 'government';

  // Opened to change an account: the form is brought into view, its address field focused.
  const editingId = editing?.id;
  useEffect(() => {
    if (!editingId) return;
    urlField.current?.scrollIntoView?.({ block: 'center' });
    urlField.current?.focus();
  }, [editingId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body) return onNotice({ ok: false, text: t('accounts.ui.noBody') });
    setBusy(true);
    try {
      const fields = { url, name, administrators: splitAdministrators(administrators), statesOfficial, kind };
      const result = editing
        ? await editAccount(getDb(), act, editing.id, fields, Date.now())
        : await registerAccount(getDb(), act, { id: crypto.randomUUID(), body, ...fields }, Date.now());
      if (!result.ok) return onNotice({ ok: false, text: accountsText(result.error) });
      onNotice({ ok: true, text: t(editing ? 'accounts.ui.changed' : 'accounts.ui.added', { name: name.trim() }) });
      if (editing) return onDone?.();
      setUrl('');
      setName('');
      setAdministrators('');
      setStatesOfficial(false);
      setKind('body');
    } catch (error) {
      console.warn(`[aot] ${editing ? 'changing' : 'adding'} an account failed`, error);
      onNotice({ ok: false, text: t('accounts.ui.failed', { code: errorCode(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="aot-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-title`}
      data-testid={editing ? 'account-edit-form' : 'account-form'}
      data-editing={editing?.id}
    >
      <h3 id={`${id}-title`}>{editing ? t('accounts.ui.editForm', { name: editing.name }) : t('accounts.ui.form')}</h3>
      <label className="aot-field">
        <span className="aot-field__label">{t('accounts.ui.field.body')}</span>
        {/* An account stays with its body: a change of body is a removal and a new account. */}
        <select required disabled={editing !== undefined} value={body} onChange={(e) => setBody(e.target.value)}>
          <option value="">—</option>
          {workspace.bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
          {editing && !workspace.bodies.some((b) => b.id === editing.body) ? <option value={editing.body}>{editing.body}</option> : null}
        </select>
      </label>
      <label className="aot-field">
        <span className="aot-field__label">{t('accounts.ui.field.url')}</span>
        <input
          ref={urlField}
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
      {withKind ? (
        <label className="aot-check">
          <input type="checkbox" checked={kind === 'government'} onChange={(e) => setKind(e.target.checked ? 'government' : 'body')} />{' '}
          {t('accounts.ui.field.government')}
        </label>
      ) : null}
      <div className="aot-buttons">
        <button type="submit" className="aot-button aot-button--primary" disabled={busy}>
          {editing ? t('accounts.ui.save') : t('accounts.ui.submit')}
        </button>
        {editing ? (
          <button type="button" className="aot-button" onClick={() => onDone?.()}>
            {t('accounts.ui.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
