/** How each figure is counted: the definitions lib/reports documents, said in the page's language. */
import { t, type TextKey } from '@/lib/i18n';
import { FIGURE_IDS } from '@/lib/reports';

export function FigureHelp() {
  return (
    <details className="aot-figure-help" data-testid="figure-help">
      <summary>{t('reports.help.title')}</summary>
      <dl>
        {FIGURE_IDS.map((id) => (
          <div key={id}>
            <dt>{t(`reports.help.${id}.name` as TextKey)}</dt>
            <dd>{t(`reports.help.${id}` as TextKey)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
