/**
 * «Сервер команды»: connect this browser to the region's team server with the address and a
 * one-time invitation code, see how the connection stands, sync now, disconnect. The browser's
 * permission for the server's origin is asked for in the click itself (it needs the gesture),
 * and given back on disconnecting. What the connection replaced is kept for download.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { getDb } from '@/lib/db';
import { beforeConnectBackup, loadSyncConfig } from '@/lib/db/sync';
import { t } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import { platform } from '@/lib/platform';
import { serverOrigin } from '@/lib/sync/origin';
import { formatDateTime } from '../format';
import { errorCode } from '../errors';
import { downloadJson } from '../download';

type Notice = { ok: boolean; text: string } | null;

const SAID = new Set([
  'unreachable',
  'timeout',
  'insecure',
  'bad-address',
  'invitation-unknown',
  'invitation-used',
  'invitation-expired',
  'person-disabled',
  'token-revoked',
  'rate-limited',
  'server-error',
  'not-ready',
  'bad-response',
  'client-group-not-yours',
  'pending',
]);

/** The words for a sync failure code (sync.error.<code>); an unknown one is quoted as it is. */
export function syncErrorText(code: string): string {
  return SAID.has(code) ? t(`sync.error.${code}` as Parameters<typeof t>[0]) : t('sync.error.other', { code });
}

export function TeamServer({ zone }: { zone: string }) {
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [config, pending, refusals, backup] = await Promise.all([
      loadSyncConfig(db),
      db.outbox.count(),
      db.refusals.filter((r) => r.seenAt === undefined).count(),
      beforeConnectBackup(db),
    ]);
    return { config, pending, refusals, backup };
  }, []);
  const [live, setLive] = useState<boolean | undefined>();
  const [server, setServer] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirmLoss, setConfirmLoss] = useState<number | null>(null);
  const connected = data?.config !== undefined;

  useEffect(() => {
    if (!connected) return;
    let alive = true;
    const ask = () =>
      request('sync.status', {})
        .then((s) => alive && setLive(s.live))
        .catch(() => undefined);
    void ask();
    const timer = setInterval(ask, 5000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [connected]);

  const connect = (e: FormEvent) => {
    e.preventDefault();
    const origin = serverOrigin(server);
    if (!origin.ok) return setNotice({ ok: false, text: syncErrorText(origin.code) });
    // The permission first, in the click's own task: the browser asks only inside a gesture.
    const asked = platform().hostPermissions.request(origin.origin);
    setBusy(true);
    setNotice({ ok: true, text: t('options.team.connecting') });
    void asked
      .then(async (granted) => {
        if (!granted) return setNotice({ ok: false, text: t('options.team.noPermission', { origin: origin.origin }) });
        const r = await request('sync.connect', { server: origin.origin, code });
        if (!r.ok) {
          void platform()
            .hostPermissions.remove(origin.origin)
            .catch(() => undefined);
          return setNotice({ ok: false, text: syncErrorText(r.code) });
        }
        setCode('');
        setLive(r.status.live);
        setNotice({ ok: true, text: t('options.team.connected', { workspace: r.status.workspaceName ?? origin.origin, name: r.status.person?.name ?? '' }) });
      })
      .catch((error: unknown) => setNotice({ ok: false, text: t('sync.error.other', { code: errorCode(error) }) }))
      .finally(() => setBusy(false));
  };

  const syncNow = async () => {
    setBusy(true);
    try {
      const r = await request('sync.now', {});
      setLive(r.status.live);
      setNotice(r.ok ? { ok: true, text: t('options.team.synced') } : { ok: false, text: syncErrorText(r.code ?? 'other') });
    } catch (error) {
      setNotice({ ok: false, text: t('sync.error.other', { code: errorCode(error) }) });
    } finally {
      setBusy(false);
    }
  };

  const disconnect = async (force: boolean) => {
    setBusy(true);
    try {
      const r = await request('sync.disconnect', force ? { force } : {});
      if (!r.ok) setConfirmLoss(r.pending);
      else {
        setConfirmLoss(null);
        setNotice({ ok: true, text: t('options.team.disconnected') });
      }
    } catch (error) {
      setNotice({ ok: false, text: t('sync.error.other', { code: errorCode(error) }) });
    } finally {
      setBusy(false);
    }
  };

  if (!data) return null;
  const c = data.config;
  return (
    <section className="aot-section" aria-labelledby="team-title" data-testid="team-server">
      <h2 id="team-title">{t('options.team')}</h2>
      {!c ? (
        <form className="aot-form" onSubmit={connect}>
          <p className="aot-hint">{t('options.team.intro')}</p>
          <label className="aot-field">
            <span>{t('options.team.server')}</span>
            <input
              type="url"
              inputMode="url"
              required
              autoComplete="url"
              placeholder="https://team.example.ru"
              value={server}
              onChange={(e) => setServer(e.target.value)}
              data-testid="team-server-address"
            />
          </label>
          <label className="aot-field">
            <span>{t('options.team.code')}</span>
            <input
              required
              minLength={4}
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid="team-server-code"
            />
          </label>
          <p className="aot-hint">{t('options.team.replaces')}</p>
          <div className="aot-buttons">
            <button type="submit" className="aot-button aot-button--primary" disabled={busy}>
              {t('options.team.connect')}
            </button>
          </div>
        </form>
      ) : (
        <div data-testid="team-server-status">
          <dl className="aot-facts">
            <dt>{t('options.team.server')}</dt>
            <dd>{c.server}</dd>
            {c.workspaceName ? (
              <>
                <dt>{t('options.team.workspace')}</dt>
                <dd>{c.workspaceName}</dd>
              </>
            ) : null}
            {c.person ? (
              <>
                <dt>{t('options.team.person')}</dt>
                <dd>
                  {c.person.name} ({c.person.roles.map((r) => (r === 'official' ? r : t(`desk.role.${r}`))).join(', ')})
                </dd>
              </>
            ) : null}
            <dt>{t('options.team.state')}</dt>
            <dd data-testid="team-server-state">
              {c.revokedAt !== undefined
                ? t('options.team.revoked')
                : c.lastError
                  ? syncErrorText(c.lastError.code)
                  : live
                    ? t('options.team.live')
                    : t('options.team.polling')}
            </dd>
            <dt>{t('options.team.lastSync')}</dt>
            <dd>{c.lastPullAt ? formatDateTime(c.lastPullAt, zone) : t('options.team.never')}</dd>
            <dt>{t('options.team.pending')}</dt>
            <dd data-testid="team-server-pending">{data.pending}</dd>
            {data.refusals ? (
              <>
                <dt>{t('options.team.refusals')}</dt>
                <dd>{t('options.team.refusalsValue', { count: data.refusals })}</dd>
              </>
            ) : null}
          </dl>
          <div className="aot-buttons">
            <button type="button" className="aot-button" disabled={busy || c.revokedAt !== undefined} onClick={() => void syncNow()}>
              {t('options.team.syncNow')}
            </button>
            <button type="button" className="aot-button" disabled={busy} onClick={() => void disconnect(false)}>
              {t('options.team.disconnect')}
            </button>
          </div>
          {confirmLoss !== null ? (
            <div className="aot-form__notice aot-form__notice--error" role="alert">
              <p>{t('options.team.pendingLoss', { count: confirmLoss })}</p>
              <div className="aot-buttons">
                <button type="button" className="aot-button aot-button--danger" onClick={() => void disconnect(true)}>
                  {t('options.team.disconnectAnyway')}
                </button>
                <button type="button" className="aot-button" onClick={() => setConfirmLoss(null)}>
                  {t('options.team.keep')}
                </button>
              </div>
            </div>
          ) : null}
        </div>
      )}
      {data.backup ? (
        <p className="aot-hint">
          {t('options.team.before', { at: formatDateTime(data.backup.at, zone) })}{' '}
          <button type="button" className="aot-link-button" onClick={() => downloadJson('answer-on-time-before-team.json', data.backup!.file)}>
            {t('options.team.beforeDownload')}
          </button>
        </p>
      ) : null}
      {notice ? (
        <p
          role={notice.ok ? 'status' : 'alert'}
          className={`aot-form__notice ${notice.ok ? 'aot-form__notice--ok' : 'aot-form__notice--error'}`}
          data-testid="team-server-notice"
        >
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
