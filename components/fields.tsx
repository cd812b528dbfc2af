/** Small form fields shared by the desk and the options page. */
import { t } from '@/lib/i18n';
import type { Body } from '@/lib/workflow/workspace';
import { REGIONS, type Region } from '@/lib/worktime';

/** A labelled choice of bodies from the directory: several, or one (with an empty choice). */
export function BodySelect({
  label,
  bodies,
  value,
  onChange,
  size,
  single = false,
}: {
  label: string;
  bodies: Body[];
  value: string[];
  onChange: (ids: string[]) => void;
  size?: number;
  single?: boolean;
}) {
  return (
    <label className="aot-field">
      <span className="aot-field__label">{label}</span>
      <select
        multiple={!single}
        value={single ? (value[0] ?? '') : value}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value).filter(Boolean))}
        size={single ? undefined : (size ?? Math.min(6, bodies.length))}
      >
        {single ? <option value="">—</option> : null}
        {bodies.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The two roles as checkboxes. */
export function RoleChecks({
  curator,
  executor,
  onCurator,
  onExecutor,
}: {
  curator: boolean;
  executor: boolean;
  onCurator: (v: boolean) => void;
  onExecutor: (v: boolean) => void;
}) {
  return (
    <>
      <label>
        <input type="checkbox" checked={curator} onChange={(e) => onCurator(e.target.checked)} /> {t('onboarding.role.curator')}
      </label>
      <label>
        <input type="checkbox" checked={executor} onChange={(e) => onExecutor(e.target.checked)} /> {t('onboarding.role.executor')}
      </label>
    </>
  );
}

/** The region, by its name. */
export function RegionSelect({ value, onChange, inline = false }: { value: Region; onChange: (region: Region) => void; inline?: boolean }) {
  return (
    <label className={inline ? 'aot-field aot-field--inline' : 'aot-field'}>
      <span className="aot-field__label">{t('onboarding.region')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Region)}>
        {(Object.keys(REGIONS) as Region[]).map((r) => (
          <option key={r} value={r}>
            {REGIONS[r].name}
          </option>
        ))}
      </select>
    </label>
  );
}
