import { useMemo } from 'react';
import { t } from '@/lib/i18n';
import { applySuggestion, checkDraft, type Finding, type LintOptions } from '@/lib/lint';

const ORDER: Array<Finding['category']> = ['forbidden', 'substance', 'cliche', 'jargon', 'style'];
const MARK = { info: 'ℹ', warning: '⚠', error: '⛔' } as const;

interface Props {
  text: string;
  options?: LintOptions;
  /** Called with the whole new text when a suggestion is applied; without it, no apply buttons. */
  onApply?: (next: string) => void;
}

/**
 * The checker's findings for a draft: the score, the substance checklist, and findings grouped
 * by category with the span quoted and a one-click replacement where it is a plain one.
 */
export function LintPanel({ text, options, onApply }: Props) {
  const report = useMemo(() => checkDraft(text, options), [text, options]);
  const groups = ORDER.map((category) => ({ category, items: report.findings.filter((f) => f.category === category && f.category !== 'substance') })).filter(
    (g) => g.items.length > 0,
  );
  const checklist: Array<[string, boolean]> = [
    [t('lint.checklist.date'), report.checklist.date],
    [t('lint.checklist.contact'), report.checklist.contact],
    [t('lint.checklist.measures'), report.checklist.measures],
    ...(report.checklist.photos === null ? [] : ([[t('lint.checklist.photos'), report.checklist.photos]] as Array<[string, boolean]>)),
  ];
  return (
    <section className="aot-lint" aria-label={t('lint.title')}>
      <header className="aot-lint__head">
        <strong data-testid="lint-score" title={t('lint.scoreHint')}>
          {t('lint.score', { score: report.score.toLocaleString('ru-RU') })}
        </strong>
      </header>
      <div className="aot-lint__checklist">
        <span className="aot-lint__label">{t('lint.checklist')}:</span>
        <ul>
          {checklist.map(([label, ok]) => (
            <li key={label} data-ok={ok} className={ok ? 'aot-ok' : 'aot-missing'}>
              <span aria-hidden="true">{ok ? '✓' : '✗'} </span>
              {label} — {ok ? t('lint.checklist.yes') : t('lint.checklist.no')}
            </li>
          ))}
        </ul>
      </div>
      {groups.length === 0 ? <p className="aot-empty">{t('lint.noFindings')}</p> : null}
      {groups.map(({ category, items }) => (
        <div key={category} className={`aot-lint__group aot-lint__group--${category}`}>
          <h3>
            {t(`lint.category.${category}`)} ({items.length})
          </h3>
          <ul>
            {items.map((f) => {
              const applied = onApply ? applySuggestion(text, f) : null;
              return (
                <li key={`${f.ruleId}:${f.start}`} data-rule={f.ruleId} className={`aot-finding aot-finding--${f.severity}`}>
                  <span aria-hidden="true">{MARK[f.severity]} </span>
                  <q>{text.slice(f.start, f.end)}</q> — {f.message}
                  {f.suggestion ? <span className="aot-finding__suggestion"> {t('lint.suggestion', { text: f.suggestion })}</span> : null}
                  {applied !== null ? (
                    <button type="button" className="aot-link-button aot-finding__apply" onClick={() => onApply!(applied)}>
                      {t('lint.apply', { text: f.suggestion! })}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
