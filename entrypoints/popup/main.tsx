import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app.css';
import { HealthBanner } from '@/components/HealthBanner';
import { OpenMessages } from '@/components/OpenMessages';
import { countableWorkspace, fromPeek, useMyQueue, type MyQueue } from '@/components/state/my-queue';
import { calendarFor } from '@/components/state/calendar';
import { warmCalendar } from '@/components/countdown-view';
import { t, tn } from '@/lib/i18n';
import { startPageLocale, useLocale } from '@/components/locale';
import { platform } from '@/lib/platform';
import { DESK_SELECTED_KEY } from '@/components/state/desk';
// Started by index.html's first script, before this one loaded.
import { startFirstRead } from './first-read';

/**
 * User Timing marks for DevTools and the benchmark, each once, after the frame is painted:
 * «aot:popup-painted» when my queue's first screen is, «aot:popup-complete» when every row is.
 */
const marked = new Set<string>();
/** Where the list shown first came from: the raw first read, or the live (Dexie) path. */
let shownFrom: 'raw' | 'live' = 'live';
function markPainted(rows: number, total: number): void {
  const names = [rows > 0 || total === 0 ? 'aot:popup-painted' : '', rows === total ? 'aot:popup-complete' : ''];
  const from = shownFrom;
  for (const name of names) {
    if (!name || marked.has(name)) continue;
    marked.add(name);
    requestAnimationFrame(() => setTimeout(() => performance.mark(name, { detail: { rows, total, from } })));
  }
}

function Popup({ first }: { first: MyQueue | null }) {
  const queue = useMyQueue(first);
  const { desk, session } = platform();
  // The desk opens where this browser has room for it: the side panel, the sidebar, or a tab.
  // Opened first, inside the click: side panels and sidebars open only in a user gesture.
  const openDesk = () => {
    void desk
      .open()
      .then((where) => where !== 'tab' && window.close())
      .catch((error: unknown) => console.warn('[aot] desk not opened:', error));
  };
  // Following a post's link also opens the desk on that message (the link opens the post).
  const openOnDesk = (id: string) => {
    void desk.open().catch((error: unknown) => console.warn('[aot] desk not opened:', error));
    void session.set({ [DESK_SELECTED_KEY]: id });
  };
  return (
    <main className="aot-page aot-page--popup">
      <header className="aot-header">
        <h1>{t('list.title')}</h1>
        {queue ? <span className="aot-header__count">{tn('list.openCount', queue.messages.length)}</span> : null}
      </header>
      <HealthBanner />
      <OpenMessages queue={queue} onPost={openOnDesk} onRendered={markPainted} />
      <nav className="aot-toolbar">
        <button type="button" className="aot-link-button" onClick={openDesk}>
          {t('popup.openSidePanel')}
        </button>
        <a className="aot-link-button" href="/reports.html" target="_blank" rel="noopener">
          {t('popup.reports')}
        </a>
        <button type="button" className="aot-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.options')}
        </button>
      </nav>
    </main>
  );
}

// One render with the data when the raw read answers (no «Загрузка…» frame in between);
// without it, the live path fills the list.
const firstRead = startFirstRead();
// While the messages are still being read, the calendar they are counted in is built and its
// index for today warmed: the first render then only draws.
void firstRead.workspace.then((ws) => {
  try {
    if (countableWorkspace(ws)) warmCalendar(calendarFor(ws), Date.now());
  } catch {
    // A schedule the calendar refuses: fromPeek sends the popup to the live path.
  }
});
// The language is read while the messages are (one storage read).
const language = startPageLocale(() => t('app.name'));

/** A change of the language draws the popup anew in it. */
function Root({ first }: { first: MyQueue | null }) {
  return <Popup key={useLocale()} first={first} />;
}

void Promise.all([firstRead.queue, language]).then(([peek]) => {
  const first = fromPeek(peek);
  if (first) shownFrom = 'raw';
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root first={first} />
    </StrictMode>,
  );
});
