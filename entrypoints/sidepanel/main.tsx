import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app.css';
import { DraftCheck } from '@/components/DraftCheck';
import { Desk } from '@/components/desk/Desk';
import { t } from '@/lib/i18n';

function SidePanel() {
  return (
    <main className="aot-page">
      <header className="aot-header">
        <h1>{t('sidepanel.title')}</h1>
      </header>
      <Desk />
      <DraftCheck />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanel />
  </StrictMode>,
);
