/**
 * Immediate alerts on the desk (the curator's): a socially significant message with a short
 * report ready to send, copied in one action; a spike of captures about one topic, saying why it
 * fired, linking the posts, and grouping them into one incident. Each stays until acknowledged.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '@/lib/db';
import { acknowledgeAlert, readAlertState, type SpikeAlert } from '@/lib/db/alerts';
import { getLocale, say, t } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import { openSignificantAlerts, type SignificantAlert } from '@/lib/reports';
import { spikeReason } from '@/lib/reports/why';
import type { Workspace } from '@/lib/workflow/workspace';
import { bodyLabel } from '../body';
import { formatDateTime } from '../format';
import { errorText, reasonText } from '../errors';

const SIGNIFICANT_WINDOW_MS = 3 * 86_400_000;

/** The short report of a significant message, ready to send (what, where, link, when found, routed to). */
export function significantReport(a: SignificantAlert, ws: Workspace, zone: string): string {
  const name = (id: string) => bodyLabel(id, ws.bodies.find((b) => b.id === id)?.name);
  const routed = a.routedTo.length ? a.routedTo.map((r) => name(r.body)).join('; ') : t('alerts.report.notRouted');
  const text = a.text.length > 300 ? `${a.text.slice(0, 300)}…` : a.text;
  return [
    t('alerts.report.head', { clause: a.clause ?? '' }),
    t('alerts.report.what', { topic: a.topic, text }),
    t('alerts.report.where', { location: a.location || t('reports.none'), site: t(`site.${a.site}`), url: a.url }),
    t('alerts.report.when', { at: formatDateTime(a.foundAt, zone) }),
    t('alerts.report.routed', { bodies: routed }),
  ].join('\n');
}

function acknowledge(id: string, by: string): Promise<void> {
  return acknowledgeAlert(getDb(), id, by, Date.now());
}

export function Alerts({ workspace, zone, now }: { workspace: Workspace; zone: string; now: number }) {
  const data = useLiveQuery(async () => {
    const db = getDb();
    const state = await readAlertState(db);
    const acknowledged = new Set(Object.keys(state.acknowledged));
    const recent = await db.messages
      .where('detectedAt')
      .above(now - SIGNIFICANT_WINDOW_MS)
      .toArray();
    return {
      significant: openSignificantAlerts(recent, workspace.profile, acknowledged),
      spikes: state.spikes.filter((s) => !acknowledged.has(s.id)).reverse(),
    };
  }, [workspace.profile, Math.floor(now / 60_000)]);
  if (!data || (!data.significant.length && !data.spikes.length)) return null;
  const ack = (id: string) => void acknowledge(id, workspace.user.id);
  return (
    <section className="aot-alerts" aria-label={t('alerts.title')} data-testid="alerts">
      {data.significant.map((a) => (
        <Significant key={a.id} alert={a} report={significantReport(a, workspace, zone)} onAck={() => ack(a.id)} />
      ))}
      {data.spikes.map((s) => (
        <Spike key={s.id} spike={s} onAck={() => ack(s.id)} />
      ))}
    </section>
  );
}

function Significant({ alert, report, onAck }: { alert: SignificantAlert; report: string; onAck: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <article className="aot-alert aot-alert--significant" data-alert={alert.id} aria-labelledby={`${alert.id}-t`}>
      <h3 id={`${alert.id}-t`}>{t('alerts.significant.title')}</h3>
      <pre className="aot-alert__report" data-testid="alert-report">
        {report}
      </pre>
      <div className="aot-buttons">
        <button
          type="button"
          className="aot-button aot-button--primary"
          onClick={() => {
            navigator.clipboard.writeText(report).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {t('alerts.copy')}
        </button>
        <button type="button" className="aot-button" onClick={onAck}>
          {t('alerts.ack')}
        </button>
        {copied === null ? null : <span role="status">{copied ? t('alerts.copied') : t('alerts.copyFailed')}</span>}
      </div>
    </article>
  );
}

function Spike({ spike, onAck }: { spike: SpikeAlert; onAck: () => void }) {
  const messages = useLiveQuery(() => getDb().messages.bulkGet(spike.messageIds), [spike.id]);
  const [grouped, setGrouped] = useState<string | null>(null);
  const incidentId = `incident:${spike.id}`;
  const group = async () => {
    let done = 0;
    let problem: string | null = null;
    for (const id of spike.messageIds) {
      try {
        const reply = await request('message.command', { id, command: { type: 'joinIncident', incidentId } });
        if (reply.ok) done++;
        else problem ??= reasonText(reply);
      } catch (error) {
        problem ??= errorText(error);
      }
    }
    setGrouped(problem ? `${t('alerts.spike.grouped', { count: done })} ${problem}` : t('alerts.spike.grouped', { count: done }));
  };
  return (
    <article className="aot-alert aot-alert--spike" data-alert={spike.id} aria-labelledby={`${spike.id}-t`}>
      <h3 id={`${spike.id}-t`}>{t('alerts.spike.title')}</h3>
      <p data-testid="spike-why">{say(spikeReason(spike, (n) => new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(n)))}</p>
      <ul className="aot-alert__posts">
        {(messages ?? []).slice(0, 8).map((m, i) =>
          m ? (
            <li key={m.id}>
              <a href={m.url} target="_blank" rel="noreferrer noopener">
                {m.text.slice(0, 80) || m.url}
              </a>
              {m.incidentId === incidentId ? <span className="aot-chip">{t('alerts.spike.inIncident')}</span> : null}
            </li>
          ) : (
            <li key={i}>{t('alerts.spike.gone')}</li>
          ),
        )}
      </ul>
      <div className="aot-buttons">
        <button type="button" className="aot-button aot-button--primary" onClick={() => void group()}>
          {t('alerts.spike.group')}
        </button>
        <button type="button" className="aot-button" onClick={onAck}>
          {t('alerts.ack')}
        </button>
        {grouped ? <span role="status">{grouped}</span> : null}
      </div>
    </article>
  );
}
