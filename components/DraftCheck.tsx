import { useState } from 'react';
import { t } from '@/lib/i18n';
import { LintPanel } from './LintPanel';

/** A place to check any answer text before pasting it into VK or OK. */
export function DraftCheck() {
  const [text, setText] = useState('');
  return (
    <section className="aot-section">
      <h2>{t('lint.title')}</h2>
      <textarea className="aot-draft" aria-label={t('lint.title')} placeholder={t('lint.placeholder')} value={text} onChange={(e) => setText(e.target.value)} />
      {text.trim() ? <LintPanel text={text} onApply={setText} /> : null}
    </section>
  );
}
