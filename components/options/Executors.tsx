import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { Body } from '@/lib/workflow/workspace';

type Person = Body['executors'][number];

/**
 * The executors of each body and who covers for them: one body at a time, a row per person
 * (name, absent, substitute, accounts in VK and OK). While a person is marked absent, messages
 * routed to them go to their substitute; without an account in the post's network the curator
 * publishes (Khabarovsk п. 13 абз. 2).
 */
export function Executors({
  bodies,
  value,
  onChange,
  representatives,
  pages,
}: {
  bodies: Array<{ id: string; name: string }>;
  value: Record<string, Person[]>;
  onChange: (next: Record<string, Person[]>) => void;
  /** Saratov п. 6: the official representative of each body, in whose name answers are posted. */
  representatives?: { value: Record<string, string>; onChange: (next: Record<string, string>) => void; clause: string };
  /** The body's own pages, one link per line: a reply from one of them is the body's answer. */
  pages?: { value: Record<string, string>; onChange: (next: Record<string, string>) => void };
}) {
  const id = useId();
  const [bodyId, setBodyId] = useState(bodies[0]?.id ?? '');
  const people = value[bodyId] ?? [];
  const set = (next: Person[]) => onChange({ ...value, [bodyId]: next });
  const update = (i: number, patch: Partial<Person>) => set(people.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  if (!bodies.length) return null;
  return (
    <fieldset className="aot-section aot-fieldset">
      <legend>{t('options.executors')}</legend>
      <label className="aot-field">
        <span className="aot-field__label">{t('options.executors.body')}</span>
        <select value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({value[b.id]?.length ?? 0})
            </option>
          ))}
        </select>
      </label>
      {representatives ? (
        <label className="aot-field">
          <span className="aot-field__label">{t('options.representative', { clause: representatives.clause })}</span>
          <input
            value={representatives.value[bodyId] ?? ''}
            onChange={(e) => representatives.onChange({ ...representatives.value, [bodyId]: e.target.value })}
          />
        </label>
      ) : null}
      {pages ? (
        <label className="aot-field">
          <span className="aot-field__label">{t('options.bodyPages')}</span>
          <textarea
            className="aot-draft aot-draft--short"
            value={pages.value[bodyId] ?? ''}
            placeholder="https://vk.com/club123"
            onChange={(e) => pages.onChange({ ...pages.value, [bodyId]: e.target.value })}
          />
        </label>
      ) : null}
      {people.length ? (
        <table className="aot-table aot-executors">
          <thead>
            <tr>
              <th scope="col">{t('options.executors.name')}</th>
              <th scope="col">{t('options.executors.absent')}</th>
              <th scope="col">{t('options.executors.substitute')}</th>
              <th scope="col">{t('options.executor.accounts')}</th>
              <th scope="col">
                <span className="aot-visually-hidden">{t('options.executors.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p, i) => (
              <tr key={p.id}>
                <td>
                  <input aria-label={t('options.executors.name')} value={p.name} onChange={(e) => update(i, { name: e.target.value })} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('options.executors.absentOf', { name: p.name })}
                    checked={p.absent}
                    onChange={(e) => update(i, { absent: e.target.checked })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('options.executors.substituteOf', { name: p.name })}
                    value={p.substitutes[0] ?? ''}
                    onChange={(e) => update(i, { substitutes: e.target.value ? [e.target.value] : [] })}
                  >
                    <option value="">—</option>
                    {people
                      .filter((o) => o.id !== p.id)
                      .map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                  </select>
                </td>
                <td>
                  {(['vk', 'ok'] as const).map((site) => (
                    <label key={site} className="aot-inline-check">
                      <input
                        type="checkbox"
                        // Not recorded counts as having one (the curator publishes only where none is recorded).
                        checked={p.accounts?.includes(site) ?? true}
                        onChange={(e) => {
                          const now = new Set(p.accounts ?? ['vk', 'ok']);
                          if (e.target.checked) now.add(site);
                          else now.delete(site);
                          update(i, { accounts: (['vk', 'ok'] as const).filter((x) => now.has(x)) });
                        }}
                      />{' '}
                      {site === 'vk' ? 'VK' : 'OK'}
                    </label>
                  ))}
                </td>
                <td>
                  <button
                    type="button"
                    className="aot-link-button"
                    aria-label={t('options.executors.removeOf', { name: p.name })}
                    onClick={() => set(people.filter((_, j) => j !== i).map((o) => ({ ...o, substitutes: o.substitutes.filter((s) => s !== p.id) })))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="aot-hint" id={`${id}-none`}>
          {t('options.executors.none')}
        </p>
      )}
      <button
        type="button"
        className="aot-button"
        onClick={() =>
          set([...people, { id: `p-${Date.now().toString(36)}-${people.length}`, name: t('options.executors.new'), substitutes: [], absent: false }])
        }
      >
        {t('options.executors.add')}
      </button>
    </fieldset>
  );
}
