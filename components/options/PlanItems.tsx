/**
 * A content plan's publications: the table (date within the week, topic, format, status with the
 * post it became) and, while the plan is a draft or returned for corrections, the form that adds
 * one. Removing an item is possible while the plan can be edited; a planned item of a sent or
 * approved plan can only be dropped (it will not be published).
 */
import { useId, useState, type FormEvent } from 'react';
import { PLAN_FORMATS, type ContentPlan, type PlanFormat, type PlanItem } from '@/lib/accounts';
import { t } from '@/lib/i18n';
import { dayText, postUrl } from './plans-view';

export interface ItemActions {
  add: (item: Pick<PlanItem, 'date' | 'topic' | 'format'>) => Promise<boolean>;
  remove: (item: PlanItem) => Promise<void>;
  drop: (item: PlanItem) => Promise<void>;
}

function Status({ item }: { item: PlanItem }) {
  const text = t(`plans.ui.status.${item.status}`);
  const url = item.postKey ? postUrl(item.postKey) : null;
  if (item.status !== 'published' || !url) return <>{text}</>;
  return (
    <>
      {text}{' '}
      <a href={url} target="_blank" rel="noopener" aria-label={t('plans.ui.postLabel', { topic: item.topic })}>
        {t('plans.ui.post')}
      </a>
    </>
  );
}

const COLUMNS = ['plans.ui.col.date', 'plans.ui.col.topic', 'plans.ui.col.format', 'plans.ui.col.status', 'plans.ui.col.actions'] as const;

export function PlanItemsTable({ plan, caption, editable, actions }: { plan: ContentPlan; caption: string; editable: boolean; actions: ItemActions }) {
  if (!plan.items.length) return <p className="aot-muted">{t('plans.ui.empty')}</p>;
  const items = [...plan.items].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <table className="aot-table" data-testid="plan-items">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {COLUMNS.map((key) => (
            <th key={key} scope="col">
              {t(key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="plan-item">
            <td>{dayText(item.date)}</td>
            <th scope="row">{item.topic}</th>
            <td>{t(`plans.ui.format.${item.format}`)}</td>
            <td>
              <Status item={item} />
            </td>
            <td>
              {editable ? (
                <button
                  type="button"
                  className="aot-button"
                  aria-label={t('plans.ui.removeLabel', { topic: item.topic })}
                  onClick={() => void actions.remove(item)}
                >
                  {t('plans.ui.remove')}
                </button>
              ) : item.status === 'planned' ? (
                <button
                  type="button"
                  className="aot-button"
                  aria-label={t('plans.ui.dropLabel', { topic: item.topic })}
                  onClick={() => void actions.drop(item)}
                >
                  {t('plans.ui.drop')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlanItemForm({ dates, onAdd }: { dates: readonly string[]; onAdd: ItemActions['add'] }) {
  const id = useId();
  const [date, setDate] = useState(dates[0] ?? '');
  const [topic, setTopic] = useState('');
  const [format, setFormat] = useState<PlanFormat>('text');
  const [busy, setBusy] = useState(false);
  // A date of another week (the week was changed): the form starts from the new week's Monday.
  const day = dates.includes(date) ? date : (dates[0] ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      if (await onAdd({ date: day, topic: topic.trim(), format })) setTopic('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="aot-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="plan-item-form">
      <h4 id={`${id}-title`}>{t('plans.ui.add')}</h4>
      <label className="aot-field">
        <span className="aot-field__label">{t('plans.ui.field.date')}</span>
        <select value={day} onChange={(e) => setDate(e.target.value)}>
          {dates.map((d) => (
            <option key={d} value={d}>
              {dayText(d)}
            </option>
          ))}
        </select>
      </label>
      <label className="aot-field">
        <span className="aot-field__label">{t('plans.ui.field.topic')}</span>
        <input required maxLength={500} value={topic} onChange={(e) => setTopic(e.target.value)} />
      </label>
      <label className="aot-field">
        <span className="aot-field__label">{t('plans.ui.field.format')}</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as PlanFormat)}>
          {PLAN_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`plans.ui.format.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="aot-buttons">
        <button type="submit" className="aot-button" disabled={busy || !topic.trim()}>
          {t('plans.ui.addSubmit')}
        </button>
      </div>
    </form>
  );
}
