// Sentences and clauses of Chinese text, as offset ranges. Tasks are stated clause by
// clause ("调整退出一般制造业企业309家,疏解提升市场50个"), so candidates are built from
// clauses grouped within their sentence. Punctuation inside brackets and book titles does
// not split: "京雄城际铁路(北京西站至新机场站段)" stays one clause. Quotation marks do not
// protect: in news they hold whole speeches, sentence after sentence.

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  clauses: Span[];
}

/** Ends a sentence: full stops, question and exclamation marks, semicolons, line breaks. */
const SENTENCE_END = '。！？!?；;\n';
/** Ends a clause within a sentence. */
const CLAUSE_END = '，,：:';
const OPENERS = '(（《【[';
const CLOSERS = ')）》】]';
/** A closing quote after these ends a quoted speech, and the sentence with it ("……”相关负责人说"). */
const SPEECH_END = '。！？!?…';
/** Every character the splitter acts on; the text between them is skipped in one step. */
const MARKS = /[。！？!?；;\n，,：:(（《【[)）》】\]”]/g;

/** Splits `text` into sentences of clauses, trimmed of white space; empty ones are left out. */
export function sentences(text: string): Sentence[] {
  const result: Sentence[] = [];
  let clauses: Span[] = [];
  let clauseStart = 0;
  let depth = 0;
  const closeClause = (end: number) => {
    const span = trimmed(text, clauseStart, end);
    if (span) clauses.push(span);
    clauseStart = end + 1;
  };
  const closeSentence = () => {
    if (clauses.length > 0) {
      result.push({ start: clauses[0]!.start, end: clauses[clauses.length - 1]!.end, clauses });
    }
    clauses = [];
  };
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const ch = m[0];
    const i = m.index;
    if (ch === '\n') {
      // A line break ends everything, even an unclosed bracket (scraped text loses closers).
      depth = 0;
      closeClause(i);
      closeSentence();
    } else if (OPENERS.includes(ch)) {
      depth++;
    } else if (CLOSERS.includes(ch)) {
      depth = Math.max(0, depth - 1);
    } else if (ch === '”') {
      if (depth === 0 && i > 0 && SPEECH_END.includes(text[i - 1]!)) {
        closeClause(i);
        closeSentence();
      }
    } else if (depth === 0 && SENTENCE_END.includes(ch)) {
      closeClause(i);
      closeSentence();
    } else if (depth === 0 && CLAUSE_END.includes(ch)) {
      closeClause(i);
    }
  }
  closeClause(text.length);
  closeSentence();
  return result;
}

const LIST_MARKER =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]{1,3}、)\s*/;

const isSpace = (ch: string) =>
  ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\u3000' || ch === '\u00a0';

/** The range without surrounding white space and a trailing clause or sentence mark; null when nothing is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = Math.min(end, text.length);
  const trailing = (ch: string) =>
    isSpace(ch) || SENTENCE_END.includes(ch) || CLAUSE_END.includes(ch) || ch === '…' || ch === '”';
  while (s < e && (isSpace(text[s]!) || text[s] === '”')) s++;
  // A list marker ("（一）", "1、", "二、") numbers the passage; it is not part of it.
  const marker = LIST_MARKER.exec(text.slice(s, Math.min(e, s + 8)));
  if (marker && s + marker[0].length < e) s += marker[0].length;
  while (e > s && trailing(text[e - 1]!)) e--;
  // A quote opened in one clause and closed in another: each keeps only its own words.
  if (s < e && text[s] === '“' && !text.slice(s, e).includes('”')) s++;
  if (e > s && text[e - 1] === '”' && !text.slice(s, e).includes('“')) e--;
  return e > s ? { start: s, end: e } : null;
}
