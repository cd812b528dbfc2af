/**
 * The registry as a table grouped by body: network, address (opens the page), name (and whether
 * it is the Government's account), administrators, whether the page states it is official, dates
 * in the region's zone. Per account: a change (the account form, prefilled), removal (confirmed
 * inline) and, where the act requires reporting changes, marks that the change was reported and
 * the site's links updated.
 */
import { useState } from 'react';
import { activeAccounts, lastChangedAt, type Account, type Registry, type UnreportedChange } from '@/lib/accounts';
import { t } from '@/lib/i18n';
import type { Workspace } from '@/lib/workflow/workspace';
import { formatDateTime } from '../format';
import { bodyName, networkName } from './accounts-view';

export type ReportKind = UnreportedChange['kind'];

export interface AccountActions {
  /** Opens the account form prefilled with the account. */
  edit: (account: Account) => void;
  remove: (account: Account) => Promise<void>;
  report: (account: Account, kind: ReportKind) => Promise<void>;
}

/** The report marks of an account still pending, as buttons named with the account. */
export function ReportButtons({ account, kinds, actions }: { account: Account; kinds: readonly ReportKind[]; actions: AccountActions }) {
  return (
    <>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className="aot-button"
          aria-label={t(kind === 'registry' ? 'accounts.ui.reportLabel.registry' : 'accounts.ui.reportLabel.siteLinks', { name: account.name })}
          onClick={() => void actions.report(account, kind)}
        >
          {t(kind === 'registry' ? 'accounts.ui.report.registry' : 'accounts.ui.report.siteLinks')}
        </button>
      ))}
    </>
  );
}

function RemoveButton({ account, actions }: { account: Account; actions: AccountActions }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="aot-button" aria-label={t('accounts.ui.removeLabel', { name: account.name })} onClick={() => setAsking(true)}>
        {t('accounts.ui.remove')}
      </button>
    );
  return (
    <span role="group" aria-label={t('accounts.ui.removeConfirm', { name: account.name })}>
      <span>{t('accounts.ui.removeConfirm', { name: account.name })}</span>{' '}
      <button type="button" className="aot-button aot-button--danger" onClick={() => void actions.remove(account).finally(() => setAsking(false))}>
        {t('accounts.ui.removeYes')}
      </button>{' '}
      <button type="button" className="aot-button" onClick={() => setAsking(false)}>
        {t('accounts.ui.removeNo')}
      </button>
    </span>
  );
}

function AccountRow({ account, zone, pending, actions }: { account: Account; zone: string; pending: readonly ReportKind[]; actions: AccountActions }) {
  return (
    <tr data-testid="account-row">
      <td>{networkName(account.network)}</td>
      <td>
        <a href={account.url} target="_blank" rel="noopener">
          {account.url}
        </a>
      </td>
      <td>
        {account.name}
        {account.kind === 'government' ? <span className="aot-muted"> ({t('accounts.ui.government')})</span> : null}
      </td>
      <td>{account.administrators.join(', ')}</td>
      <td>{t(account.statesOfficial ? 'accounts.ui.yes' : 'accounts.ui.no')}</td>
      <td>{formatDateTime(account.addedAt, zone)}</td>
      <td>{formatDateTime(lastChangedAt(account), zone)}</td>
      <td>
        <div className="aot-buttons">
          <ReportButtons account={account} kinds={pending} actions={actions} />
          <button type="button" className="aot-button" aria-label={t('accounts.ui.editLabel', { name: account.name })} onClick={() => actions.edit(account)}>
            {t('accounts.ui.edit')}
          </button>
          <RemoveButton account={account} actions={actions} />
        </div>
      </td>
    </tr>
  );
}

const COLUMNS = [
  'accounts.ui.col.network',
  'accounts.ui.col.url',
  'accounts.ui.col.name',
  'accounts.ui.col.administrators',
  'accounts.ui.col.statesOfficial',
  'accounts.ui.col.addedAt',
  'accounts.ui.col.changedAt',
  'accounts.ui.col.actions',
] as const;

export function AccountTable({
  registry,
  workspace,
  zone,
  pending,
  actions,
}: {
  registry: Registry;
  workspace: Workspace;
  zone: string;
  pending: readonly UnreportedChange[];
  actions: AccountActions;
}) {
  const accounts = activeAccounts(registry);
  if (!accounts.length) return <p className="aot-muted">{t('accounts.ui.empty')}</p>;
  const order = new Map(workspace.bodies.map((b, i) => [b.id, i]));
  const bodies = [...new Set(accounts.map((a) => a.body))].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  const kindsOf = (id: string) => pending.filter((p) => p.account === id).map((p) => p.kind);
  return (
    <table className="aot-table aot-accounts" data-testid="accounts-table">
      <caption>{t('accounts.ui.caption')}</caption>
      <thead>
        <tr>
          {COLUMNS.map((key) => (
            <th key={key} scope="col">
              {t(key)}
            </th>
          ))}
        </tr>
      </thead>
      {bodies.map((body) => (
        <tbody key={body}>
          <tr>
            <th scope="rowgroup" colSpan={COLUMNS.length}>
              {bodyName(workspace, body)}
            </th>
          </tr>
          {accounts
            .filter((a) => a.body === body)
            .map((a) => (
              <AccountRow key={a.id} account={a} zone={zone} pending={kindsOf(a.id)} actions={actions} />
            ))}
        </tbody>
      ))}
    </table>
  );
}
