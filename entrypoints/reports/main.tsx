import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app.css';
import '@/components/reports/reports.css';
import { startPageLocale, useLocale } from '@/components/locale';
import { ReportsPage } from '@/components/reports/ReportsPage';
import { getLocale, t } from '@/lib/i18n';

/** A change of the language draws the page anew in it. */
function Root() {
  return (
    <main className="aot-page aot-page--wide" key={useLocale()}>
      <ReportsPage />
    </main>
  );
}

void startPageLocale(() => `${t('app.name')} — ${t('reports.title').toLocaleLowerCase(getLocale())}`).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
