import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useOpenCount } from '@/components/OpenMessages';
import { getDb } from '@/lib/db';
import { loadWorkspace } from '@/lib/db/messages';
import { REGIONS } from '@/lib/worktime';
import { t } from '@/lib/i18n';

function Options() {
  const count = useOpenCount();
  const workspace = useLiveQuery(() => loadWorkspace(getDb()), []);
  return (
    <main className="aot-page aot-page--wide">
      <header className="aot-header">
        <h1>{t('options.title')}</h1>
      </header>
      {workspace ? (
        <>
          <section className="aot-section">
            <h2>{t('options.region')}</h2>
            <p>{t('options.regionValue', { region: REGIONS[workspace.region].name, act: workspace.profile.act })}</p>
          </section>
          <section className="aot-section">
            <h2>{t('options.schedule')}</h2>
            <p>{t('options.scheduleValue', { zone: REGIONS[workspace.region].zone })}</p>
          </section>
        </>
      ) : null}
      <section className="aot-section">
        <h2>{t('options.storage')}</h2>
        <p>{t('options.storageValue', { count: count ?? '…' })}</p>
      </section>
      <p className="aot-empty">{t('options.soon')}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
