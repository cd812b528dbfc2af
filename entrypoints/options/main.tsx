import { useLiveQuery } from 'dexie-react-hooks';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/app.css';
import { Accounts } from '@/components/options/Accounts';
import { AlertSettings } from '@/components/options/AlertSettings';
import { Backup } from '@/components/options/Backup';
import { ContentPlans } from '@/components/options/ContentPlans';
import { followHash } from '@/components/options/section-hash';
import { Moderation } from '@/components/options/Moderation';
import { Diagnostics } from '@/components/options/Diagnostics';
import { Onboarding } from '@/components/options/Onboarding';
import { WorkspaceEditor } from '@/components/options/WorkspaceEditor';
import { countOpen, getDb } from '@/lib/db';
import { getLocale, t, type Reason } from '@/lib/i18n';
import { startPageLocale, useLocale } from '@/components/locale';
import { Language } from '@/components/options/Language';
import { TeamServer } from '@/components/options/TeamServer';
import { request } from '@/lib/messaging/client';
import { UNREADABLE_WORKSPACE_KEY, unreadableWorkspace, type UnreadableWorkspace } from '@/lib/db/messages';
import { workspaceSchema, type Workspace } from '@/lib/workflow/workspace';
import { REGIONS } from '@/lib/worktime';

const save = async (workspace: Workspace) => {
  await request('workspace.save', { workspace });
};

function Options() {
  // A change of the language renders the page again in it (without losing what is being edited).
  useLocale();
  // options.html#plans (a plan's notification): that section, scrolled to and focused once rendered.
  useEffect(() => followHash(window), []);
  const count = useLiveQuery(() => countOpen(getDb()), []);
  // undefined while loading; null before onboarding.
  const workspace = useLiveQuery(async () => {
    const parsed = workspaceSchema.safeParse((await getDb().settings.get('workspace'))?.value);
    return parsed.success ? parsed.data : null;
  }, []);
  // A stored workspace this release cannot read: said plainly, and kept (saving copies it aside).
  const unreadable = useLiveQuery(async () => {
    const issues = await unreadableWorkspace(getDb());
    const kept = (await getDb().settings.get(UNREADABLE_WORKSPACE_KEY))?.value as UnreadableWorkspace | undefined;
    if (!issues && !kept) return null;
    // What the check says now, or what it said when the workspace was kept aside (an older release kept its words).
    const problem: Reason[] | string = issues ?? kept?.issues ?? kept?.problem ?? '';
    return { problem, raw: issues ? (await getDb().settings.get('workspace'))?.value : kept?.value };
  }, []);
  return (
    <main className="aot-page aot-page--wide">
      <header className="aot-header">
        <h1>{t('options.title')}</h1>
        {workspace ? (
          <a className="aot-link-button" href="/reports.html" target="_blank" rel="noopener">
            {t('popup.reports')}
          </a>
        ) : null}
      </header>
      <Language />
      {unreadable ? (
        <p className="aot-form__notice aot-form__notice--error" role="alert" data-testid="workspace-unreadable">
          {t('options.unreadable', { problem: unreadable.problem })}{' '}
          <a download="workspace-unreadable.json" href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(unreadable.raw, null, 2))}`}>
            {t('options.unreadable.download')}
          </a>
        </p>
      ) : null}
      {workspace === null ? <Onboarding onDone={(ws) => void save(ws)} /> : null}
      {workspace ? <WorkspaceEditor key={`${workspace.region}:${JSON.stringify(workspace.user)}`} workspace={workspace} onSave={save} /> : null}
      {/* Onboarding or joining a team: the team server's section is there from the first run. */}
      <TeamServer zone={workspace ? REGIONS[workspace.region].zone : 'Europe/Moscow'} />
      {workspace ? <Accounts workspace={workspace} /> : null}
      {workspace ? <ContentPlans workspace={workspace} /> : null}
      {workspace?.user.roles.includes('curator') ? <AlertSettings /> : null}
      {workspace ? <Moderation workspace={workspace} zone={REGIONS[workspace.region].zone} /> : null}
      <Backup />
      <Diagnostics {...(workspace ? { zone: REGIONS[workspace.region].zone } : {})} />
      <section className="aot-section">
        <h2>{t('options.storage')}</h2>
        <p>{t('options.storageValue', { count: count ?? '…' })}</p>
      </section>
    </main>
  );
}

void startPageLocale(() => `${t('app.name')} — ${t('options.title').toLocaleLowerCase(getLocale())}`).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Options />
    </StrictMode>,
  ),
);
