import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import { starterWorkspace, type Workspace } from '@/lib/workflow/workspace';
import type { Region } from '@/lib/worktime';
import { BodySelect, RegionSelect, RoleChecks } from '../fields';

/** First run: pick the region and the role; the starter directory of that region is filled in. */
export function Onboarding({ onDone }: { onDone: (ws: Workspace) => void }) {
  const [region, setRegion] = useState<Region>('yakutia');
  const [name, setName] = useState('');
  const [curator, setCurator] = useState(true);
  const [executor, setExecutor] = useState(false);
  const [body, setBody] = useState('');
  const bodies = starterWorkspace(region).bodies;
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const roles = [...(curator ? (['curator'] as const) : []), ...(executor ? (['executor'] as const) : [])];
    // Nothing is guessed: a role must be chosen, and an executor answers for a body.
    if (!roles.length) return setError(t('onboarding.error.role'));
    if (executor && !body) return setError(t('onboarding.error.body'));
    setError(null);
    onDone(starterWorkspace(region, { id: 'me', name: name.trim(), roles, bodies: executor ? [body] : [] }));
  };
  return (
    <form className="aot-section aot-onboarding" onSubmit={submit} aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">{t('onboarding.title')}</h2>
      <p>{t('onboarding.intro')}</p>
      <RegionSelect
        value={region}
        onChange={(r) => {
          setRegion(r);
          setBody('');
        }}
      />
      <label className="aot-field">
        <span className="aot-field__label">{t('onboarding.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </label>
      <fieldset className="aot-fieldset">
        <legend>{t('onboarding.roles')}</legend>
        <RoleChecks curator={curator} executor={executor} onCurator={setCurator} onExecutor={setExecutor} />
      </fieldset>
      {executor ? (
        <BodySelect single label={t('onboarding.bodies')} bodies={bodies} value={body ? [body] : []} onChange={(ids) => setBody(ids[0] ?? '')} />
      ) : null}
      {error ? (
        <p className="aot-form__notice aot-form__notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="aot-button aot-button--primary">
        {t('onboarding.start')}
      </button>
    </form>
  );
}
