import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app.css';
import { HealthBanner } from '@/components/HealthBanner';
import { OpenMessages, useOpenCount } from '@/components/OpenMessages';
import { t, tn } from '@/lib/i18n';

function Popup() {
  const open = useOpenCount();
  const openSidePanel = async () => {
    const win = await browser.windows.getCurrent();
    if (win.id !== undefined) await browser.sidePanel?.open({ windowId: win.id });
    window.close();
  };
  // Following a post's link also opens the desk on that message (the link opens the post).
  const openOnDesk = (id: string) => {
    void browser.storage.session.set({ 'desk.selectedId': id });
    void browser.windows.getCurrent().then(async (win) => {
      if (win.id !== undefined) await browser.sidePanel?.open({ windowId: win.id });
    });
  };
  return (
    <main className="aot-page aot-page--popup">
      <header className="aot-header">
        <h1>{t('list.title')}</h1>
        {open !== undefined ? <span className="aot-header__count">{tn('list.openCount', open)}</span> : null}
      </header>
      <HealthBanner />
      <OpenMessages onPost={openOnDesk} />
      <nav className="aot-toolbar">
        {browser.sidePanel ? (
          <button type="button" className="aot-link-button" onClick={() => void openSidePanel()}>
            {t('popup.openSidePanel')}
          </button>
        ) : null}
        <button type="button" className="aot-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.options')}
        </button>
      </nav>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
