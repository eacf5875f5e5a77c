// The link prompt (Ctrl/⌘+K, or the toolbar's link button): an address for the selected words.
// Only web and mail addresses are taken (http, https, mailto); "example.org" is read as https.
// An empty address removes the link. Esc or Cancel leaves the text as it was.
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** The address as it will be linked, or null when it is not a web or mail address. */
export function linkAddress(input: string): string | null {
  let text = input.trim();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text))
    text = text.includes('@') && !text.includes('/') ? `mailto:${text}` : `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname)) ? url.href : null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.hostname.includes('.') || url.hostname === 'localhost' ? url.href : null;
}

export function LinkPrompt(props: { initial: string; onApply: (url: string | null) => void; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), error: useId() };
  const [value, setValue] = useState(props.initial);
  const [error, setError] = useState(false);
  const result = useRef<{ url: string | null } | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const submit = () => {
    if (!value.trim()) {
      result.current = { url: null };
      dialog.current?.close();
      return;
    }
    const url = linkAddress(value);
    if (!url) {
      setError(true);
      return;
    }
    result.current = { url };
    dialog.current?.close();
  };

  return (
    <dialog
      ref={dialog}
      className="brief-link-prompt"
      aria-labelledby={ids.title}
      onClose={() => {
        if (result.current) props.onApply(result.current.url);
        props.onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id={ids.title}>{t('briefLinkTitle')}</h2>
        <input
          autoFocus
          type="text"
          inputMode="url"
          data-link-url
          aria-label={t('briefLinkAddress')}
          aria-invalid={error || undefined}
          aria-describedby={error ? ids.error : undefined}
          placeholder="https://"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError(false);
          }}
          spellCheck={false}
          autoComplete="off"
        />
        <p id={ids.error} className={error ? 'form-error' : 'muted'} role={error ? 'alert' : undefined}>
          {error ? t('briefLinkInvalid') : t('briefLinkHint')}
        </p>
        <div className="form-actions">
          <button type="submit" className="primary" data-action="apply-link">
            {value.trim() ? t('briefLinkApply') : t('briefLinkRemove')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
