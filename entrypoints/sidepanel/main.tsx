import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app.css';
import { DraftCheck } from '@/components/DraftCheck';
import { Desk } from '@/components/desk/Desk';
import { getLocale, t } from '@/lib/i18n';
import { startPageLocale, useLocale } from '@/components/locale';

function SidePanel() {
  return (
    <main className="aot-page">
      <header className="aot-header">
        <h1>{t('sidepanel.title')}</h1>
        <a className="aot-link-button" href="/reports.html" target="_blank" rel="noopener">
          {t('popup.reports')}
        </a>
      </header>
      <Desk />
      <DraftCheck />
    </main>
  );
}

/** A change of the language draws the desk anew in it (its state lives in the desk's store). */
function Root() {
  return <SidePanel key={useLocale()} />;
}

void startPageLocale(() => `${t('app.name')} — ${t('sidepanel.title').toLocaleLowerCase(getLocale())}`).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
