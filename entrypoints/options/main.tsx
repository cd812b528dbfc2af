import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app.css';
import { useOpenCount } from '@/components/OpenMessages';
import { getCalendar } from '@/components/state/calendar';
import { t } from '@/lib/i18n';

function Options() {
  const count = useOpenCount();
  return (
    <main className="aot-page aot-page--wide">
      <header className="aot-header">
        <h1>{t('options.title')}</h1>
      </header>
      <section className="aot-section">
        <h2>{t('options.schedule')}</h2>
        <p>{t('options.scheduleValue', { zone: getCalendar().spec.zone })}</p>
      </section>
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
