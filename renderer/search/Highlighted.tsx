import type { ReactNode } from 'react';
import type { Snippet } from '../../shared/search/snippet';

/** Text with the matched words (offsets relative to `offset`) drawn as <mark>s. */
export function Marked({
  text,
  marks,
  offset = 0,
}: {
  text: string;
  marks: readonly [number, number][];
  offset?: number;
}) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    const from = Math.max(at, start - offset);
    const to = Math.min(text.length, end - offset);
    if (to <= from) continue;
    if (from > at) parts.push(text.slice(at, from));
    parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A hit's snippet: its words (line breaks shown as spaces), the matched ones marked, an ellipsis where text was left out. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.cutStart && '…'}
      <Marked text={snippet.text} marks={snippet.marks} offset={snippet.start} />
      {snippet.cutEnd && '…'}
    </>
  );
}

/** A magnifying glass. */
export function SearchIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <circle cx="11" cy="11" r="7" />
      <path d="M20 20l-3.5-3.5" />
    </svg>
  );
}
