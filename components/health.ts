/** What the user is told about a page whose markup the adapter could not fully read. */
import { t } from '@/lib/i18n';
import type { HealthCheck } from '@/lib/sites/types';

export interface HealthReport {
  site: 'vk' | 'ok';
  path: string;
  ok: boolean;
  checks: HealthCheck[];
  at: number;
}

/** Reading the reply box only affects publishing; anything else affects capture. */
const PUBLISH_ONLY = new Set(['reply-box']);

/**
 * «VK изменил разметку: не найдено поле ответа — захват работает, публикация вручную», or
 * null when every check passed. Each failed check is named by its text health.check.<name>
 * (lib/sites/skeleton/health.ts lists the checks; 'post-item' and 'comment-item': roots that
 * gave no item, «часть постов не распознана»); a check without a text, by its name.
 */
export function healthBanner(report: Pick<HealthReport, 'site' | 'checks'>): string | null {
  const failed = report.checks.filter((c) => !c.ok);
  if (!failed.length) return null;
  const what = failed.map((c) => checkText(c.name)).join(', ');
  const impact = failed.every((c) => PUBLISH_ONLY.has(c.name)) ? t('health.impact.publish') : t('health.impact.capture');
  return t('health.banner', { site: report.site === 'vk' ? 'VK' : 'OK', what, impact });
}

function checkText(name: string): string {
  try {
    return t(`health.check.${name}` as 'health.check.reply-box');
  } catch {
    return name; // a report from another version of the adapters
  }
}

/** The stored report of one site (options) or tab (popup), if it looks like one. */
export function asHealthReport(value: unknown): HealthReport | null {
  if (!value || typeof value !== 'object') return null;
  const r = value as Partial<HealthReport>;
  return (r.site === 'vk' || r.site === 'ok') && Array.isArray(r.checks) && typeof r.at === 'number' && typeof r.path === 'string' ? (r as HealthReport) : null;
}
