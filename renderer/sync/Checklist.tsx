// A multiple choice that stays usable with hundreds of values (a library's documents, its
// owners): a box that narrows the list as you type, checkboxes in a scrolling list, how many
// are chosen and a Clear. Only the first SHOWN matches are drawn; the rest are a type away.
// Keyboard: Tab into the box, ↓ (or Enter) to the first match, Space ticks, ↑/↓ move.
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';

export interface ChecklistOption {
  value: string;
  label: string;
  /** Shown after the label, dimmed (e.g. a document's date). */
  detail?: string;
}

const SHOWN = 200;
/** Lists shorter than this need no box to narrow them. */
const FILTER_FROM = 8;

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();

export function Checklist({
  label,
  name,
  options,
  chosen,
  onChange,
  disabled,
  wide,
}: {
  label: string;
  name: string;
  options: readonly ChecklistOption[];
  chosen: readonly string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
  /** Takes the dialog's whole width (long titles). */
  wide?: boolean;
}) {
  const { t } = useI18n();
  const ids = { legend: useId(), list: useId() };
  const [filter, setFilter] = useState('');
  const chosenSet = useMemo(() => new Set(chosen), [chosen]);
  const matches = useMemo(() => {
    const words = normalise(filter).split(/\s+/).filter(Boolean);
    if (!words.length) return options;
    return options.filter((o) => {
      const text = normalise(`${o.label} ${o.detail ?? ''}`);
      return words.every((w) => text.includes(w));
    });
  }, [filter, options]);
  const shown = matches.slice(0, SHOWN);

  const toggle = (value: string, on: boolean) => {
    if (on) onChange([...chosen.filter((v) => v !== value), value]);
    else onChange(chosen.filter((v) => v !== value));
  };
  const boxes = (list: HTMLElement | null) => [...(list?.querySelectorAll<HTMLInputElement>('input') ?? [])];
  const moveFocus = (event: React.KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const list = document.getElementById(ids.list);
    const all = boxes(list);
    const at = all.indexOf(event.target as HTMLInputElement);
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    event.preventDefault();
    if (next < 0) list?.parentElement?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  return (
    <fieldset
      className={`bundle-checklist${wide ? ' wide' : ''}`}
      data-filter={name}
      disabled={disabled}
      aria-labelledby={ids.legend}
    >
      <legend id={ids.legend}>
        {label}
        <span className="muted">
          {chosen.length
            ? t('bundleChosen', { count: chosen.length.toLocaleString(), total: options.length.toLocaleString() })
            : t('bundleChoiceAll', { total: options.length.toLocaleString() })}
        </span>
        {chosen.length > 0 && (
          <button type="button" className="link" data-action="clear" onClick={() => onChange([])}>
            {t('bundleClear')}
          </button>
        )}
      </legend>
      {options.length >= FILTER_FROM && (
        <input
          type="search"
          name={`${name}-filter`}
          placeholder={t('bundleFilterPlaceholder')}
          aria-label={t('bundleFilterLabel', { what: label })}
          aria-controls={ids.list}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter here would submit the dialog's form: go to the list instead, as ↓ does.
            if (e.key === 'Enter' || e.key === 'ArrowDown') {
              e.preventDefault();
              boxes(document.getElementById(ids.list))[0]?.focus();
            }
          }}
        />
      )}
      <ul id={ids.list} className="bundle-checklist-options" onKeyDown={moveFocus}>
        {shown.map((o) => (
          <li key={o.value}>
            <label title={o.label}>
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={chosenSet.has(o.value)}
                onChange={(e) => toggle(o.value, e.currentTarget.checked)}
                onKeyDown={(e) => {
                  // Enter ticks too, rather than submitting the whole form by accident.
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    toggle(o.value, !chosenSet.has(o.value));
                  }
                }}
              />
              <span className="bundle-option-label">{o.label}</span>
              {o.detail && <span className="muted bundle-option-detail">{o.detail}</span>}
            </label>
          </li>
        ))}
        {matches.length === 0 && <li className="muted bundle-checklist-empty">{t('bundleNoMatch')}</li>}
        {matches.length > SHOWN && (
          <li className="muted bundle-checklist-more">
            {t('bundleMoreMatches', { count: (matches.length - SHOWN).toLocaleString() })}
          </li>
        )}
      </ul>
    </fieldset>
  );
}
