/**
 * The deficiency report on screen and in print: by whom the deadline fell to, then clause; each
 * breach with its deadline, when it was due and done, how late in working hours, who did the
 * step and who was assigned, and the message (topic, location, link). The export has the same
 * facts one per column.
 */
import { t, type TextKey } from '@/lib/i18n';
import type { DeficiencyReport } from '@/lib/reports';
import { actorById, type Workspace } from '@/lib/workflow/workspace';
import { formatDateTime } from '../format';
import { ownerName } from './tables';

export function Deficiency({ report, workspace, name, zone }: { report: DeficiencyReport; workspace: Workspace; name: (id: string) => string; zone: string }) {
  const person = (id: string | undefined) => (id ? actorById(workspace, id).name : '—');
  if (!report.entries.length) return <p data-testid="table-deficiency-empty">{t('reports.deficiency.none')}</p>;
  return (
    <div data-testid="table-deficiency">
      {report.groups.map((g) => (
        <section key={g.ownerKey} className="aot-deficiency-group">
          <h4>
            {ownerName(g.owner, name)} — {g.clauses.reduce((n, c) => n + c.entries.length, 0)}
          </h4>
          <div className="aot-report-table">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('reports.col.clause')}</th>
                  <th scope="col">{t('reports.col.dueAt')}</th>
                  <th scope="col">{t('reports.col.doneAt')}</th>
                  <th scope="col" className="aot-num">
                    {t('reports.col.lateHours')}
                  </th>
                  <th scope="col">{t('reports.col.who')}</th>
                  <th scope="col">{t('reports.col.message')}</th>
                </tr>
              </thead>
              <tbody>
                {g.clauses.flatMap(({ clause, entries }) =>
                  entries.map((e, i) => (
                    <tr key={`${clause}-${e.messageId}-${e.kind}-${i}`} data-state={e.state}>
                      <th scope="row">
                        <span className="aot-deficiency__clause">{clause}</span> {t(`deadline.${e.kind}` as TextKey)}
                      </th>
                      <td>{formatDateTime(e.dueAt, zone)}</td>
                      <td>{e.doneAt === undefined ? <strong>{t('reports.state.overdue')}</strong> : formatDateTime(e.doneAt, zone)}</td>
                      <td className="aot-num">
                        {e.lateMinutes === null ? '—' : t('reports.hours', { hours: (Math.round(e.lateMinutes / 6) / 10).toLocaleString('ru-RU') })}
                      </td>
                      <td>
                        {e.actor ? person(e.actor) : '—'}
                        {e.assignee && e.assignee !== e.actor ? <div className="aot-muted">{t('reports.assigned', { name: person(e.assignee) })}</div> : null}
                      </td>
                      <td>
                        {[e.topic, e.location].filter(Boolean).join(', ') || t('reports.none')}
                        <div>
                          <a href={e.url} target="_blank" rel="noreferrer noopener">
                            {e.url.replace(/^https:\/\//, '')}
                          </a>
                        </div>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
