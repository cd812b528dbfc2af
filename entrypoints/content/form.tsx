/** The capture form on the page: one shadow-root host, one React root, created on first use. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { createRoot, type Root } from 'react-dom/client';
import { CaptureForm, type CaptureDirectory, type FormStatus } from '@/components/CaptureForm';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { errorText } from '@/components/errors';
import type { CapturedItem, Routing } from '@/lib/model/message';
import { attachOurShadow, HOST_ATTR } from './shadow';

export interface FormRequest {
  item: CapturedItem;
  detectedAt: number;
  alreadyCaptured: boolean;
  onSaved: (key: string) => void;
}

let root: Root | undefined;
let host: HTMLElement | undefined;

const LAST_EXECUTOR = 'capture.lastExecutor';

/** The directory the fields suggest from, and the workspace's time zone. */
type Directory = CaptureDirectory & { zone: string };

function Dialog({ req, onClose, lastExecutor, directory }: { req: FormRequest; onClose: () => void; lastExecutor: string; directory?: Directory }) {
  const [status, setStatus] = useState<FormStatus>({ kind: 'idle' });
  // The workspace's zone: times are shown in it, whatever the browser's zone (the background
  // says which with each due time; the directory said it before).
  const [zone, setZone] = useState<string | undefined>(directory?.zone);

  useEffect(() => {
    if (!req.alreadyCaptured) return;
    let live = true;
    request('capture.lookup', { keys: [req.item.key] })
      .then(({ found, zone: dueZone }) => {
        if (!live || !found[0]) return;
        if (dueZone) setZone(dueZone);
        setStatus({ kind: 'existing', dueAt: found[0].dueAt, ...(found[0].dueKind ? { dueKind: found[0].dueKind } : {}) });
      })
      .catch((error: unknown) => live && setStatus({ kind: 'error', message: errorText(error) }));
    return () => {
      live = false;
    };
  }, [req]);

  const submit = (routing: Routing) => {
    setStatus({ kind: 'saving' });
    request('capture.save', { item: req.item, routing, detectedAt: req.detectedAt })
      .then((saved) => {
        void browser.storage.local.set({ [LAST_EXECUTOR]: routing.executor });
        req.onSaved(req.item.key);
        setZone(saved.zone);
        setStatus({ kind: saved.created ? 'saved' : 'existing', dueAt: saved.dueAt, ...(saved.dueKind ? { dueKind: saved.dueKind } : {}) });
      })
      .catch((error: unknown) => setStatus({ kind: 'error', message: errorText(error) }));
  };

  return (
    <div
      className="aot-overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <CaptureForm
        requireTrusted
        item={req.item}
        status={status}
        onSubmit={submit}
        onClose={onClose}
        lastExecutor={lastExecutor}
        {...(directory ? { directory } : {})}
        {...(zone ? { zone } : {})}
      />
    </div>
  );
}

export function closeForm(): void {
  root?.render(null);
  window.removeEventListener('keydown', escapeAnywhere, true);
}

/** Unmounts the form and removes its host (the content script's context was invalidated). */
export function disposeForm(): void {
  closeForm();
  root?.unmount();
  root = undefined;
  host?.remove();
  host = undefined;
  directoryCache = undefined;
}

/** Esc closes the form wherever the focus is on the page (a person's key only). */
function escapeAnywhere(event: KeyboardEvent): void {
  if (event.key === 'Escape' && event.isTrusted) closeForm();
}

/** The workspace directory, fetched once per page and refreshed after a minute. */
let directoryCache: { at: number; value: Directory } | undefined;
async function directory(): Promise<Directory | undefined> {
  if (directoryCache && Date.now() - directoryCache.at < 60_000) return directoryCache.value;
  try {
    const value = await request('capture.directory', {});
    directoryCache = { at: Date.now(), value };
    return value;
  } catch {
    return undefined; // free text still works
  }
}

export function openForm(req: FormRequest): void {
  const stored = browser.storage.local.get(LAST_EXECUTOR).catch(() => ({}) as Record<string, unknown>);
  void Promise.all([stored, directory()]).then(([values, dir]) => show(req, typeof values[LAST_EXECUTOR] === 'string' ? values[LAST_EXECUTOR] : '', dir));
}

function show(req: FormRequest, lastExecutor: string, dir?: Directory): void {
  if (!host || !host.isConnected) {
    host = document.createElement('div');
    host.setAttribute(HOST_ATTR, 'form');
    // Keys typed into the form must not reach the site's own shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
    const shadow = attachOurShadow(host);
    const mountPoint = document.createElement('div');
    shadow.append(mountPoint);
    document.body.append(host);
    root = createRoot(mountPoint);
  }
  window.addEventListener('keydown', escapeAnywhere, true);
  // A new key remounts the dialog with fresh state for each opened post.
  root!.render(
    <Dialog key={`${req.item.key}:${req.detectedAt}`} req={req} onClose={closeForm} lastExecutor={lastExecutor} {...(dir ? { directory: dir } : {})} />,
  );
}
