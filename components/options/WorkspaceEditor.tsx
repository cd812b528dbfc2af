import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import { starterWorkspace, type Workspace } from '@/lib/workflow/workspace';
import { BodySelect, RegionSelect, RoleChecks } from '../fields';
import { Executors } from './Executors';
import { REGIONS, type Region } from '@/lib/worktime';

const CATEGORIES = ['cliche', 'jargon', 'style', 'substance'] as const;

const lines = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];

/** The workspace settings a user edits: who I am, reminders, checker categories, directories. */
export function WorkspaceEditor({ workspace, onSave }: { workspace: Workspace; onSave: (ws: Workspace) => Promise<void> }) {
  const [name, setName] = useState(workspace.user.name);
  const [curator, setCurator] = useState(workspace.user.roles.includes('curator'));
  const [executor, setExecutor] = useState(workspace.user.roles.includes('executor'));
  const [myBodies, setMyBodies] = useState(workspace.user.bodies);
  const [lead, setLead] = useState(workspace.notifyLeadMinutes);
  // The workspace's own overall target in hours ('' = none): shown as its own, never a breach of the act.
  const [target, setTarget] = useState(workspace.profile.timers.target ? String(workspace.profile.timers.target.minutes / 60) : '');
  const [disabled, setDisabled] = useState(new Set(workspace.disabledLintRules));
  // Bodies keep their ids: a rename changes the label only (queues and «Ваш орган» hold ids).
  const [bodyRows, setBodyRows] = useState(workspace.bodies.map((b) => ({ id: b.id, name: b.name })));
  const [topics, setTopics] = useState(workspace.topics.map((x) => x.name).join('\n'));
  const [locations, setLocations] = useState(workspace.locations.join('\n'));
  const [people, setPeople] = useState(Object.fromEntries(workspace.bodies.map((b) => [b.id, b.executors])));
  const [representatives, setRepresentatives] = useState(Object.fromEntries(workspace.bodies.map((b) => [b.id, b.officialRepresentative ?? ''])));
  const [pages, setPages] = useState(Object.fromEntries(workspace.bodies.map((b) => [b.id, b.pages.join('\n')])));
  const [profiles, setProfiles] = useState(workspace.ownProfiles.join('\n'));
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const byId = new Map(workspace.bodies.map((b) => [b.id, b]));
    const seen = new Set<string>();
    const nextBodies = bodyRows
      .map((row) => ({ ...row, name: row.name.trim() }))
      .filter((row) => row.name && !seen.has(row.id) && seen.add(row.id))
      .map((row) => {
        const body: Workspace['bodies'][number] = { ...(byId.get(row.id) ?? { id: row.id, executors: [], pages: [] }), name: row.name };
        const { officialRepresentative: _old, ...rest } = body;
        const representative = (representatives[body.id] ?? body.officialRepresentative ?? '').trim();
        return {
          ...rest,
          ...(representative ? { officialRepresentative: representative } : {}),
          pages: lines(pages[body.id] ?? body.pages.join('\n')).slice(0, 20),
          executors: (people[body.id] ?? body.executors).map((p) => ({ ...p, name: p.name.trim() || p.id })),
        };
      });
    const byTopic = new Map(workspace.topics.map((x) => [x.name, x]));
    const roles = [...(curator ? (['curator'] as const) : []), ...(executor ? (['executor'] as const) : [])];
    await onSave({
      ...workspace,
      user: {
        ...workspace.user,
        name: name.trim(),
        roles: roles.length ? roles : ['curator'],
        bodies: myBodies.filter((id) => nextBodies.some((b) => b.id === id)),
      },
      ownProfiles: lines(profiles).slice(0, 10),
      notifyLeadMinutes: lead,
      profile: withTarget(workspace.profile, target),
      disabledLintRules: [...disabled],
      bodies: nextBodies,
      topics: lines(topics).map((n, i) => byTopic.get(n) ?? { id: `t-new-${i}`, name: n, group: '' }),
      locations: lines(locations),
    });
    setSaved(true);
  };
  const timers = workspace.profile.timers;
  return (
    <form className="aot-editor" onSubmit={(e) => void submit(e)} onChange={() => setSaved(false)}>
      <section className="aot-section">
        <h2>{t('options.timers')}</h2>
        <p className="aot-hint">
          {REGIONS[workspace.region].name} — {workspace.profile.act}
        </p>
        <p className="aot-hint">
          {t('options.schedule')}: {t('options.scheduleValue', { zone: REGIONS[workspace.region].zone })}
        </p>
        <RegionChange workspace={workspace} onSave={onSave} />
        <ul>
          {(['route', 'return', 'answer', 'approve', 'rework', 'publish', 'part'] as const).map((k) => {
            const timer = timers[k];
            // Khabarovsk: no overall term in the act; a sum stored by an older release is not one.
            if (!timer || ('derived' in timer && timer.derived)) return k === 'answer' ? <li key={k}>{t('options.noAnswerTerm')}</li> : null;
            return (
              <li key={k}>{t('options.timer', { name: t(`deadline.${k}`), value: t('options.minutes', { count: timer.minutes }), clause: timer.clause })}</li>
            );
          })}
          <li>
            {t('options.timer', { name: t('deadline.final'), value: t('options.days', { count: timers.final.workingDays }), clause: timers.final.clause })}
          </li>
        </ul>
        <label className="aot-field">
          <span className="aot-field__label">{t('options.target')}</span>
          <input inputMode="decimal" value={target} placeholder="—" onChange={(e) => setTarget(e.target.value)} />
        </label>
      </section>
      <fieldset className="aot-section aot-fieldset">
        <legend>{t('options.user')}</legend>
        <label className="aot-field">
          <span className="aot-field__label">{t('onboarding.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <RoleChecks curator={curator} executor={executor} onCurator={setCurator} onExecutor={setExecutor} />
        <BodySelect label={t('onboarding.bodies')} bodies={workspace.bodies} value={myBodies} onChange={setMyBodies} size={5} />
        <label className="aot-field">
          <span className="aot-field__label">{t('options.ownProfiles')}</span>
          <textarea className="aot-draft aot-draft--short" value={profiles} placeholder="https://vk.com/id123" onChange={(e) => setProfiles(e.target.value)} />
        </label>
        <label className="aot-field">
          <span className="aot-field__label">{t('options.notify')}</span>
          <input type="number" min={0} max={480} value={lead} onChange={(e) => setLead(Number(e.target.value))} />
        </label>
      </fieldset>
      <fieldset className="aot-section aot-fieldset">
        <legend>{t('options.lint')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={!disabled.has(`${c}.`)}
              onChange={(e) => {
                const next = new Set(disabled);
                if (e.target.checked) next.delete(`${c}.`);
                else next.add(`${c}.`);
                setDisabled(next);
              }}
            />{' '}
            {t('options.lint.category', { category: t(`lint.category.${c}`) })}
          </label>
        ))}
      </fieldset>
      <Executors
        bodies={workspace.bodies}
        value={people}
        onChange={setPeople}
        pages={{ value: pages, onChange: setPages }}
        {...(workspace.profile.representativeClause
          ? { representatives: { value: representatives, onChange: setRepresentatives, clause: workspace.profile.representativeClause } }
          : {})}
      />
      <fieldset className="aot-section aot-fieldset aot-lists">
        <legend>{t('options.listHint')}</legend>
        <fieldset className="aot-fieldset aot-body-list" data-testid="body-list">
          <legend>
            {t('options.bodies')} ({bodyRows.length})
          </legend>
          {bodyRows.map((row, i) => (
            <div key={row.id} className="aot-toolbar">
              <input
                aria-label={t('options.bodyName', { n: i + 1 })}
                value={row.name}
                onChange={(e) => setBodyRows(bodyRows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))}
              />
              <button
                type="button"
                className="aot-link-button"
                aria-label={t('options.bodyRemove', { name: row.name })}
                onClick={() => setBodyRows(bodyRows.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="aot-button"
            onClick={() => setBodyRows([...bodyRows, { id: `b-${Date.now().toString(36)}-${bodyRows.length}`, name: '' }])}
          >
            {t('options.bodyAdd')}
          </button>
        </fieldset>
        <label className="aot-field">
          <span className="aot-field__label">{t('options.topics')}</span>
          <textarea className="aot-draft" value={topics} onChange={(e) => setTopics(e.target.value)} />
        </label>
        <label className="aot-field">
          <span className="aot-field__label">{t('options.locations')}</span>
          <textarea className="aot-draft" value={locations} onChange={(e) => setLocations(e.target.value)} />
        </label>
      </fieldset>
      <button type="submit" className="aot-button aot-button--primary">
        {t('options.save')}
      </button>
      {saved ? (
        <span role="status" className="aot-ok">
          {' '}
          {t('options.saved')}
        </span>
      ) : null}
    </form>
  );
}

/**
 * Another region (a curator who moved, or a wrong first choice): its act, calendar and starter
 * directory replace this workspace's; who I am and the messages stay. Asked twice.
 */
function RegionChange({ workspace, onSave }: { workspace: Workspace; onSave: (ws: Workspace) => Promise<void> }) {
  const [region, setRegion] = useState<Region>(workspace.region);
  const [confirming, setConfirming] = useState(false);
  const change = async () => {
    const next = starterWorkspace(region, { ...workspace.user, bodies: [] });
    await onSave({
      ...next,
      ownProfiles: workspace.ownProfiles,
      notifyLeadMinutes: workspace.notifyLeadMinutes,
      disabledLintRules: workspace.disabledLintRules,
    });
    setConfirming(false);
  };
  return (
    <div className="aot-toolbar">
      <RegionSelect
        inline
        value={region}
        onChange={(r) => {
          setRegion(r);
          setConfirming(false);
        }}
      />
      {region !== workspace.region && !confirming ? (
        <button type="button" className="aot-button" onClick={() => setConfirming(true)}>
          {t('options.region.change')}
        </button>
      ) : null}
      {confirming ? (
        <p className="aot-form__notice" role="alert">
          {t('options.region.warning', { region: REGIONS[region].name })}{' '}
          <button type="button" className="aot-button aot-button--primary" onClick={() => void change()}>
            {t('options.region.confirm')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** The profile with the workspace's own target set from hours typed ('' or not a number: none). */
function withTarget(profile: Workspace['profile'], hours: string): Workspace['profile'] {
  const minutes = Math.round(Number(hours.replace(',', '.')) * 60);
  const { target: _old, ...timers } = profile.timers;
  if (!hours.trim() || !Number.isFinite(minutes) || minutes < 15) return { ...profile, timers };
  return { ...profile, timers: { ...timers, target: { minutes, clock: 'working', clause: t('options.target.clause') } } };
}
