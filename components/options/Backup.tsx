import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db';
import { exportBackup, exportHandover, importBackup, ImportError, MAX_BACKUP_BYTES, type ImportResult } from '@/lib/db/backup';
import { loadWorkspace } from '@/lib/db/messages';
import { say, t } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import { errorCode } from '../errors';
import { BodySelect } from '../fields';
import { downloadJson } from '../download';

type Status = { ok: boolean; text: string; details?: string[] } | null;

function describe(result: ImportResult): Status {
  const details = [
    ...result.conflicts.map((c) => t('options.backup.conflict', { key: c.key, reason: say(c) })),
    ...result.skipped.map((c) => t('options.backup.skipped', { key: c.key, reason: say(c) })),
  ];
  return { ok: true, text: t('options.backup.imported', { added: result.added, updated: result.updated, unchanged: result.unchanged }), details };
}

/**
 * Download the whole workspace or one body's messages (a hand-over file) as one file; load a
 * backup or a hand-over file back. Done here, in the extension's own page, on the database
 * directly: a file of any size the importer takes goes through no message channel and no
 * timeout, and the page reports the outcome only when the transaction has committed.
 */
export function Backup() {
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [body, setBody] = useState<string[]>([]);
  const workspace = useLiveQuery(() => loadWorkspace(getDb()), []);
  const day = () => new Date().toISOString().slice(0, 10);
  const download = async () => {
    downloadJson(`answer-on-time-${day()}.json`, JSON.stringify(await exportBackup(getDb(), Date.now())));
  };
  const handover = async () => {
    const id = body[0];
    if (!id) return;
    const file = await exportHandover(getDb(), id, Date.now());
    downloadJson(`answer-on-time-${id}-${day()}.json`, JSON.stringify(file));
    setStatus({ ok: true, text: t('options.backup.handoverDone', { count: file.messages.length }) });
  };
  const load = async (file: File) => {
    if (file.size > MAX_BACKUP_BYTES) {
      setStatus({ ok: false, text: t('options.backup.tooLarge', { size: Math.round(file.size / 1048576), max: MAX_BACKUP_BYTES / 1048576 }) });
      return;
    }
    setBusy(true);
    setStatus({ ok: true, text: t('options.backup.working') });
    try {
      setStatus(describe(await importBackup(getDb(), await file.text())));
      // The badge and the notifications follow the new data (best effort: the worker may sleep).
      void request('notify.check', {}).catch(() => undefined);
    } catch (error) {
      // A refusal the importer explains is said; anything else gets a code to quote, never its text.
      setStatus({ ok: false, text: error instanceof ImportError ? say(error) : t('options.backup.failed', { code: errorCode(error) }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="aot-section">
      <h2>{t('options.backup')}</h2>
      <div className="aot-toolbar">
        <button type="button" className="aot-button" onClick={() => void download()}>
          {t('options.backup.export')}
        </button>
        <label className="aot-button" aria-disabled={busy || undefined}>
          {t('options.backup.import')}
          <input
            type="file"
            accept="application/json,.json"
            className="aot-visually-hidden"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void load(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {workspace?.bodies.length ? (
        <div className="aot-toolbar">
          <BodySelect single label={t('options.backup.handoverBody')} bodies={workspace.bodies} value={body} onChange={setBody} />
          <button type="button" className="aot-button" disabled={!body[0]} onClick={() => void handover()}>
            {t('options.backup.handover')}
          </button>
        </div>
      ) : null}
      {status ? (
        <div
          role={status.ok ? 'status' : 'alert'}
          className={`aot-form__notice ${status.ok ? 'aot-form__notice--ok' : 'aot-form__notice--error'}`}
          data-testid="backup-status"
        >
          <p>{status.text}</p>
          {status.details?.length ? (
            <ul>
              {status.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
