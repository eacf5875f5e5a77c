// A new event (by hand on the timeline, or from a selection in the reader) or an event's
// changes: a title, a date at a precision (the whole month, quarter… holding the day), an
// optional last day for a span, the words it came from, and a note.
import { useEffect, useId, useRef, useState } from 'react';
import type { DatePrecision, DateRange } from '../../shared/model/types';
import { isDay, rangeFor, unitBounds } from '../../shared/timeline/dates';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { formatRange } from './format';

const PRECISIONS: DatePrecision[] = ['day', 'month', 'quarter', 'half', 'year'];

export interface EventDraft {
  title: string;
  date: DateRange | null;
  note: string | null;
}

export interface EventDialogProps {
  heading: string;
  submitLabel: string;
  initial: EventDraft;
  /** The passage it is made from, shown for reference. */
  quote?: string;
  /** `andShow`: the second submit button ("… and show on timeline") was used. */
  onSubmit: (fields: { title: string; date: DateRange; note: string | null }, andShow: boolean) => Promise<void> | void;
  /** A second submit button, which also shows the event on the timeline. */
  showLabel?: string;
  onClose: () => void;
}

export function EventDialog(props: EventDialogProps) {
  const { t } = useI18n();
  const ids = { title: useId(), heading: useId(), error: useId() };
  const ref = useRef<HTMLDialogElement>(null);
  const { initial } = props;
  const [title, setTitle] = useState(initial.title);
  // A date within one unit (a day, a month, 2017年底) shows its last day; a span over several, its first and last.
  const spans = !!initial.date && initial.date.to > unitBounds(initial.date.from, initial.date.precision).to;
  const [day, setDay] = useState((spans ? initial.date?.from : initial.date?.to) ?? '');
  const [precision, setPrecision] = useState<DatePrecision>(initial.date?.precision ?? 'day');
  const [until, setUntil] = useState(spans ? initial.date!.to : '');
  const [words, setWords] = useState(initial.date?.text ?? '');
  const [note, setNote] = useState(initial.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const range = isDay(day) ? rangeFor(day, precision, words.trim(), isDay(until) ? until : undefined) : null;

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const andShow = submitter?.dataset.action === 'save-and-show';
    if (!title.trim()) return setError(t('eventNeedsTitle'));
    if (!range) return setError(t('eventNeedsDate'));
    setBusy(true);
    try {
      await props.onSubmit({ title: title.trim(), date: range, note: note.trim() || null }, andShow);
      ref.current?.close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="form-dialog event-dialog"
      aria-labelledby={ids.heading}
      onClose={props.onClose}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={ids.heading}>{props.heading}</h2>
        {props.quote && (
          <blockquote className="quote" lang="zh">
            {props.quote}
          </blockquote>
        )}
        <label className="event-field">
          <span>{t('eventTitle')}</span>
          <input
            id={ids.title}
            lang="zh"
            data-field="title"
            value={title}
            autoFocus
            aria-invalid={error === t('eventNeedsTitle') || undefined}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <div className="event-date-row">
          <label className="event-field">
            <span>{t('eventDate')}</span>
            <input
              type="date"
              data-field="date"
              value={day}
              aria-invalid={error === t('eventNeedsDate') || undefined}
              onChange={(e) => setDay(e.target.value)}
            />
          </label>
          <label className="event-field">
            <span>{t('precision')}</span>
            <select
              data-field="precision"
              value={precision}
              onChange={(e) => setPrecision(e.target.value as DatePrecision)}
            >
              {PRECISIONS.map((p) => (
                <option key={p} value={p}>
                  {t(`precision_${p}` as StringKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="event-field">
            <span>{t('eventUntil')}</span>
            <input
              type="date"
              data-field="until"
              value={until}
              min={day || undefined}
              onChange={(e) => setUntil(e.target.value)}
            />
          </label>
        </div>
        <p className="muted event-range" aria-live="polite">
          {range ? t('eventRange', { range: formatRange(range, t), from: range.from, to: range.to }) : '\u00a0'}
        </p>
        <label className="event-field">
          <span>{t('eventWords')}</span>
          <input lang="zh" data-field="words" value={words} onChange={(e) => setWords(e.target.value)} />
        </label>
        <label className="event-field">
          <span>{t('note')}</span>
          <textarea lang="zh" data-field="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {error && (
          <p className="banner error" role="alert" id={ids.error}>
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
          {props.showLabel && (
            <button type="submit" data-action="save-and-show" disabled={busy}>
              {props.showLabel}
            </button>
          )}
          <button type="submit" className="primary" data-action="save-event" disabled={busy}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
