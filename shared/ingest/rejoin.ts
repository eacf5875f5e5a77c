// Newspaper layouts break paragraphs at column ends, mid-sentence and even mid-word
// ("…对口支援任" / "务。…"). A paragraph that stops mid-sentence is joined with the next
// one when that one reads as its continuation; headings and finished sentences never are.
// Only plain text has layout breaks: HTML and Markdown paragraphs are the author's, so there
// only a clear mid-word fragment ("务。…") is joined. Boilerplate and "label：value" lines never are.
import type { DocumentKind } from '../model/types';
import type { RawBlock } from './types';
import { classifyLine } from './boilerplate';
import { SECTION_MARKER, endsSentence, endsWithColon, hasInternalPunct } from './shape';

/** Characters a Chinese clause cannot end with: conjunctions, prepositions, the possessive 的. */
const FUNCTION_END = /[和与及或并而的地得在对把被将向从以为其之、，,]$/;
/** A byline closing a paragraph: "文/本报记者 林艳", "(记者 刘菲菲)". */
const BYLINE_END = /(?:(?:文|图|撰文)\s*[/／]\s*\S{0,8}\s*[\u4e00-\u9fff·]{2,4}|[(（](?:本报)?记者[^)）]{1,30}[)）])$/;
/** How a new paragraph opens: discourse markers, "在…方面，", datelines and news leads. */
const OPENER =
  /^(?:在[^，,。]{0,24}(?:方面|中|上|里|下|期间|时|以来|之际)[，,]|此外|同时|另外|其中|其实|因此|所以|但是|然而|而且|总之|首先|其次|再次|最后|据悉|据了解|据介绍|据统计|据报道|目前|近日|日前|今年|去年|会议|记者|本报|新华社|[(（]记者)/;
const STARTS_WITH_PUNCT = /^[，。、；：,.;:！？)）”’」』]/;
const LIST_START = /^(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])/;

/** The next block opens with a one-character fragment closed by punctuation: "务。…", "源,…". */
const FRAGMENT_START = /^[\u4e00-\u9fff][，。、；：,;:！？]/;
/** A "label：value" line (来源：…, 编辑：…, 发布日期：…): page furniture, never half a sentence. */
const LABEL_LINE = /^[^\s，。,；;：:]{1,8}\s*[:：]/;

/** What joining looks at in the block so far: its type, how it starts and how it ends. */
interface Joined {
  type: RawBlock['type'];
  /** The first piece of text (where section and list markers are). */
  head: string;
  /** The last piece (where the sentence breaks off). */
  tail: string;
  /** Long or punctuated: prose rather than a heading or label. */
  prose: boolean;
}

function joinable(a: Joined, b: RawBlock, plain: boolean): boolean {
  if (b.type !== 'paragraph' && !(b.type === 'heading' && b.text.length <= 4)) return false;
  const x = a.tail.length > 60 ? a.tail.slice(-60) : a.tail; // end checks only need the end
  const y = b.text;
  if (endsSentence(x) || endsWithColon(x) || BYLINE_END.test(x)) return false;
  // A short unpunctuated line is a heading or a label, not a broken sentence.
  if (!a.prose || LABEL_LINE.test(a.head) || LABEL_LINE.test(y)) return false;
  const fragment = STARTS_WITH_PUNCT.test(y) || FRAGMENT_START.test(y);
  // Boilerplate is checked last: classifyLine is the costly test, and few pairs get this far.
  if (!plain) return fragment && a.type === 'paragraph' && !classifyLine(y) && !classifyLine(a.tail);
  const strong = fragment || FUNCTION_END.test(x);
  if (classifyLine(y) || (a.head === a.tail && classifyLine(a.head))) return false;
  // A punctuated line taken for a heading may still be a broken sentence, given strong evidence.
  if (a.type !== 'paragraph') return a.type === 'heading' && strong;
  if (strong) return true;
  // Across lines that cleaning removed, only strong evidence joins.
  if (b.afterCut) return false;
  // Numbered items often lack a full stop; they only continue across a clear break.
  if (SECTION_MARKER.test(a.head) || LIST_START.test(a.head)) return false;
  return !(OPENER.test(y) || SECTION_MARKER.test(y) || LIST_START.test(y));
}

const view = (b: RawBlock): Joined => ({
  type: b.type,
  head: b.text,
  tail: b.text,
  prose: hasInternalPunct(b.text) || b.text.length > 40,
});

/** Whether `a` stops mid-sentence in a way `b` continues. */
export const continues = (a: RawBlock, b: RawBlock, plain = true): boolean => joinable(view(a), b, plain);

const needsSpace = (a: string, b: string) => /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b);

/**
 * Joins every block into its predecessor when the predecessor breaks off mid-sentence.
 * Joined text is assembled once per run of pieces, so long runs stay linear.
 */
export function rejoinBlocks(
  blocks: readonly RawBlock[],
  keep?: RawBlock | null,
  kind: DocumentKind = 'text',
): RawBlock[] {
  const plain = kind === 'text';
  const out: RawBlock[] = [];
  let run: { first: RawBlock; parts: string[]; state: Joined } | null = null;
  const close = () => {
    if (!run) return;
    if (run.parts.length === 1) out.push(run.first);
    else {
      const { level: _level, ...rest } = run.first;
      out.push({ ...rest, type: 'paragraph', text: run.parts.join('') });
    }
    run = null;
  };
  for (const b of blocks) {
    if (run && run.first !== keep && b !== keep && joinable(run.state, b, plain)) {
      run.parts.push(needsSpace(run.state.tail, b.text) ? ` ${b.text}` : b.text);
      run.state = { type: 'paragraph', head: run.state.head, tail: b.text, prose: true };
      continue;
    }
    close();
    run = { first: b, parts: [b.text], state: view(b) };
  }
  close();
  return out;
}
