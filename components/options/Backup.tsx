import { useState } from 'react';
import { t } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import { ChannelError } from '@/lib/messaging/channel';

/** Download the whole workspace as one file; load a backup or a hand-over file back. */
export function Backup() {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const download = async () => {
    const { file } = await request('backup.export', { kind: 'full' });
    const url = URL.createObjectURL(new Blob([file], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `answer-on-time-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const load = async (file: File) => {
    try {
      const reply = await request('backup.import', { text: await file.text() });
      setStatus(reply.ok ? { ok: true, text: t('options.backup.imported', { added: reply.added, updated: reply.updated, unchanged: reply.unchanged }) } : { ok: false, text: reply.message });
    } catch (error) {
      setStatus({ ok: false, text: error instanceof ChannelError ? error.message : String(error) });
    }
  };
  return (
    <section className="aot-section">
      <h2>{t('options.backup')}</h2>
      <div className="aot-toolbar">
        <button type="button" className="aot-button" onClick={() => void download()}>
          {t('options.backup.export')}
        </button>
        <label className="aot-button">
          {t('options.backup.import')}
          <input
            type="file"
            accept="application/json,.json"
            className="aot-visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void load(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {status ? (
        <p role={status.ok ? 'status' : 'alert'} className={`aot-form__notice ${status.ok ? 'aot-form__notice--ok' : 'aot-form__notice--error'}`}>
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
