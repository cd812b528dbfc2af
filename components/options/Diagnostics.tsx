import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { CHECKER_SITES_KEY } from '@/lib/sites/hosts';
import { asEffectFailures, EFFECT_FAILURES_KEY, type EffectFailures } from '@/lib/model/effects';
import { browserZone, formatDateTime } from '../format';
import { asHealthReport, healthBanner, type HealthReport } from '../health';

const SITES = ['vk', 'ok'] as const;
type Sites = Partial<Record<(typeof SITES)[number], boolean>>;

/**
 * The sites: the reply checker on or off per site, and the last markup check of each site with
 * every check and what it found (what a maintainer asks for when VK changes its markup). Its
 * times are in the workspace's zone (the browser's before onboarding), labelled when they differ.
 */
export function Diagnostics({ zone, viewerZone }: { zone?: string; viewerZone?: string } = {}) {
  const [reports, setReports] = useState<HealthReport[] | undefined>();
  const [checker, setChecker] = useState<Sites>({});
  const [effects, setEffects] = useState<EffectFailures>({});
  useEffect(() => {
    const load = async () => {
      const stored = await browser.storage.local.get([...SITES.map((s) => `health.last.${s}`), CHECKER_SITES_KEY, EFFECT_FAILURES_KEY]);
      setEffects(asEffectFailures(stored[EFFECT_FAILURES_KEY]));
      setReports(SITES.map((s) => asHealthReport(stored[`health.last.${s}`])).filter((r): r is HealthReport => r !== null));
      setChecker((stored[CHECKER_SITES_KEY] as Sites | undefined) ?? {});
    };
    void load();
    browser.storage.local.onChanged.addListener(load);
    return () => browser.storage.local.onChanged.removeListener(load);
  }, []);
  const toggle = (site: (typeof SITES)[number], on: boolean) => {
    const next = { ...checker, [site]: on };
    setChecker(next);
    void browser.storage.local.set({ [CHECKER_SITES_KEY]: next });
  };
  return (
    <section className="aot-section" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('options.diagnostics')}</h2>
      <fieldset className="aot-fieldset">
        <legend>{t('options.checkerSites')}</legend>
        {SITES.map((site) => (
          <label key={site} className="aot-field aot-field--inline">
            <input type="checkbox" checked={checker[site] !== false} onChange={(e) => toggle(site, e.target.checked)} />
            {t(`site.${site}`)}
          </label>
        ))}
      </fieldset>
      <p className="aot-hint">{t('options.diagnostics.hint')}</p>
      {reports && reports.length === 0 ? <p>{t('options.diagnostics.none')}</p> : null}
      <EffectFailuresTable failures={effects} zone={zone ?? viewerZone ?? browserZone()} viewerZone={viewerZone} />
      {(reports ?? []).map((r) => {
        const banner = healthBanner(r);
        return (
          <div key={r.site} className="aot-diagnostics" data-testid={`diagnostics-${r.site}`}>
            <h3>
              {t('options.diagnostics.at', {
                site: t(`site.${r.site}`),
                path: r.path,
                time: formatDateTime(r.at, zone ?? viewerZone ?? browserZone(), viewerZone),
              })}
            </h3>
            {banner ? (
              <p className="aot-form__notice aot-form__notice--error" role="alert">
                {banner}
              </p>
            ) : null}
            <table className="aot-table">
              <tbody>
                {r.checks.map((c) => (
                  <tr key={c.name} data-ok={String(c.ok)}>
                    <th scope="row">
                      <code>{c.name}</code>
                    </th>
                    <td>{c.ok ? `✓ ${t('options.diagnostics.ok')}` : `✗ ${t('options.diagnostics.failed')}`}</td>
                    <td className="aot-hint">{c.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

const EFFECT_NAMES = ['badge', 'notification', 'publish-cleanup', 'tab-cleanup'] as const;

/**
 * What the extension could not do after a saved step (the badge, a notification, a clean-up):
 * the step itself was saved. Shown so a maintainer sees a browser that refuses an API.
 */
function EffectFailuresTable({ failures, zone, viewerZone }: { failures: EffectFailures; zone: string; viewerZone?: string }) {
  const rows = Object.entries(failures).sort(([, a], [, b]) => b.lastAt - a.lastAt);
  if (!rows.length) return null;
  return (
    <div className="aot-diagnostics" data-testid="effect-failures">
      <h3>{t('options.effects.title')}</h3>
      <p className="aot-hint">{t('options.effects.hint')}</p>
      <table className="aot-table">
        <thead>
          <tr>
            <th scope="col">{t('options.effects.what')}</th>
            <th scope="col">{t('options.effects.count')}</th>
            <th scope="col">{t('options.effects.last')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, f]) => (
            <tr key={name}>
              <th scope="row">{(EFFECT_NAMES as readonly string[]).includes(name) ? t(`options.effects.${name as (typeof EFFECT_NAMES)[number]}`) : name}</th>
              <td>{f.count}</td>
              <td>
                {formatDateTime(f.lastAt, zone, viewerZone)}
                <br />
                <code className="aot-hint">{f.lastError}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
