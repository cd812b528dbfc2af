/** Filters: body, topic, location, network, importance (one value each, or all). */
import { t } from '@/lib/i18n';
import { importanceSchema } from '@/lib/model/message';
import type { ReportFilters } from '@/lib/reports';

export interface FilterOptions {
  bodies: Array<{ id: string; name: string }>;
  topics: string[];
  locations: string[];
  /** The profile's importance categories: an id, and the label stored with it (not a text to show for a known id). */
  importance: Array<{ id: string; label: string }>;
}

/**
 * What a category is called: the catalog's name for a known id (even when the stored profile
 * still carries an older release's Russian label), else the label stored with it.
 */
export function importanceLabel(category: { id: string; label: string }): string {
  const known = importanceSchema.safeParse(category.id);
  return known.success ? t(`form.importance.${known.data}`) : category.label;
}

type Key = 'bodies' | 'topics' | 'locations' | 'networks' | 'importance';

export function Filters({ options, value, onChange }: { options: FilterOptions; value: ReportFilters; onChange: (f: ReportFilters) => void }) {
  const select = (key: Key, label: string, choices: Array<{ value: string; label: string }>) => (
    <label className="aot-field">
      <span className="aot-field__label">{label}</span>
      <select
        value={(value[key] as readonly string[] | undefined)?.[0] ?? ''}
        onChange={(e) => {
          const next: Record<string, readonly string[]> = { ...(value as Record<string, readonly string[]>) };
          if (e.target.value) next[key] = [e.target.value];
          else delete next[key];
          onChange(next as ReportFilters);
        }}
      >
        <option value="">{t('reports.filter.all')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
  const any = Object.keys(value).length > 0;
  return (
    <fieldset className="aot-filters">
      <legend>{t('reports.filters')}</legend>
      {select(
        'bodies',
        t('reports.filter.body'),
        options.bodies.map((b) => ({ value: b.id, label: b.name })),
      )}
      {select(
        'topics',
        t('reports.filter.topic'),
        options.topics.map((x) => ({ value: x, label: x })),
      )}
      {select(
        'locations',
        t('reports.filter.location'),
        options.locations.map((x) => ({ value: x, label: x })),
      )}
      {select('networks', t('reports.filter.network'), [
        { value: 'vk', label: t('site.vk') },
        { value: 'ok', label: t('site.ok') },
      ])}
      {select(
        'importance',
        t('reports.filter.importance'),
        options.importance.map((c) => ({ value: c.id, label: importanceLabel(c) })),
      )}
      {any ? (
        <button type="button" className="aot-link" onClick={() => onChange({})}>
          {t('reports.filter.reset')}
        </button>
      ) : null}
    </fieldset>
  );
}
