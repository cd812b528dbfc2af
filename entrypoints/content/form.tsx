/** The capture form on the page: one shadow-root host, one React root, created on first use. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { createRoot, type Root } from 'react-dom/client';
import { CaptureForm, type FormStatus } from '@/components/CaptureForm';
import { formatInstant } from '@/components/format';
import { t } from '@/lib/i18n';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { ChannelError } from '@/lib/messaging/channel';
import type { CapturedItem, Routing } from '@/lib/model/message';
import { DEFAULT_SCHEDULE } from '@/lib/worktime/schedules';
import { HOST_ATTR, styleShadow } from './shadow';

export interface FormRequest {
  item: CapturedItem;
  detectedAt: number;
  alreadyCaptured: boolean;
  onSaved: (key: string) => void;
}

let root: Root | undefined;
let host: HTMLElement | undefined;

function errorText(error: unknown): string {
  if (error instanceof ChannelError) return error.code === 'no-connection' ? t('error.noConnection') : error.message;
  return error instanceof Error ? error.message : t('error.unknown');
}

function due(ms: number): string {
  return formatInstant(ms, DEFAULT_SCHEDULE.zone);
}

const LAST_EXECUTOR = 'capture.lastExecutor';

function Dialog({ req, onClose, lastExecutor }: { req: FormRequest; onClose: () => void; lastExecutor: string }) {
  const [status, setStatus] = useState<FormStatus>({ kind: 'idle' });

  useEffect(() => {
    if (!req.alreadyCaptured) return;
    let live = true;
    request('capture.lookup', { keys: [req.item.key] })
      .then(({ found }) => {
        if (live && found[0]) setStatus({ kind: 'existing', due: due(found[0].dueAt) });
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
        setStatus({ kind: saved.created ? 'saved' : 'existing', due: due(saved.dueAt) });
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
      <CaptureForm item={req.item} status={status} onSubmit={submit} onClose={onClose} lastExecutor={lastExecutor} />
    </div>
  );
}

export function closeForm(): void {
  root?.render(null);
}

export function openForm(req: FormRequest): void {
  void browser.storage.local
    .get(LAST_EXECUTOR)
    .catch(() => ({}) as Record<string, unknown>)
    .then((stored) => show(req, typeof stored[LAST_EXECUTOR] === 'string' ? stored[LAST_EXECUTOR] : ''));
}

function show(req: FormRequest, lastExecutor: string): void {
  if (!host || !host.isConnected) {
    host = document.createElement('div');
    host.setAttribute(HOST_ATTR, 'form');
    // Keys typed into the form must not reach the site's own shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
    const shadow = host.attachShadow({ mode: 'open' });
    styleShadow(shadow);
    const mountPoint = document.createElement('div');
    shadow.append(mountPoint);
    document.body.append(host);
    root = createRoot(mountPoint);
  }
  // A new key remounts the dialog with fresh state for each opened post.
  root!.render(<Dialog key={`${req.item.key}:${req.detectedAt}`} req={req} onClose={closeForm} lastExecutor={lastExecutor} />);
}
