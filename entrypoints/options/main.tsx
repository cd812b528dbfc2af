import { useLiveQuery } from 'dexie-react-hooks';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app.css';
import { Backup } from '@/components/options/Backup';
import { Diagnostics } from '@/components/options/Diagnostics';
import { Onboarding } from '@/components/options/Onboarding';
import { WorkspaceEditor } from '@/components/options/WorkspaceEditor';
import { countOpen, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import { workspaceSchema, type Workspace } from '@/lib/workflow/workspace';
import { REGIONS } from '@/lib/worktime';

const save = async (workspace: Workspace) => {
  await request('workspace.save', { workspace });
};

function Options() {
  const count = useLiveQuery(() => countOpen(getDb()), []);
  // undefined while loading; null before onboarding.
  const workspace = useLiveQuery(async () => {
    const parsed = workspaceSchema.safeParse((await getDb().settings.get('workspace'))?.value);
    return parsed.success ? parsed.data : null;
  }, []);
  return (
    <main className="aot-page aot-page--wide">
      <header className="aot-header">
        <h1>{t('options.title')}</h1>
      </header>
      {workspace === null ? <Onboarding onDone={(ws) => void save(ws)} /> : null}
      {workspace ? <WorkspaceEditor key={JSON.stringify(workspace.user)} workspace={workspace} onSave={save} /> : null}
      <Backup />
      <Diagnostics {...(workspace ? { zone: REGIONS[workspace.region].zone } : {})} />
      <section className="aot-section">
        <h2>{t('options.storage')}</h2>
        <p>{t('options.storageValue', { count: count ?? '…' })}</p>
      </section>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
