// One document in, everything extraction reads out: the dated expressions, and the clauses
// that state tasks or commitments with their deadlines, owners and targets. The same
// function serves the app (on a document's canonical text, in a worker), `dossier extract`
// and `npm run eval` (on a file's raw text with its markup and site furniture skipped).
import { aliasTable } from './aliases';
import { passageCandidate, sentenceCandidates, type SentenceContext } from './candidates';
import { sentences, type Span } from './clauses';
import { DIRECTIVE, findWords, MILESTONE } from './cues';
import { clauseOwners } from './owners';
import { findSections, sectionCursor, type Section } from './sections';
import { findTargets } from './targets';
import { findStages } from './stages';
import { findTemporal } from './temporal';
import type { Candidate, ExtractContext, Extraction, TemporalMention } from './types';

/** Bumped whenever the rules change, so stored results are recomputed. */
export const EXTRACTOR_VERSION = 4;

/**
 * A plan names who does a task in a label list after it, often bracketed:
 * "…完成100万平方米。（牵头单位：市发改委；责任单位：通州区）".
 */
const OWNER_LABELS = /^[（(]?(?:牵头单位|责任单位|牵头部门|责任部门|主责单位|配合单位|参与单位|协办单位)[:：]/;
/** The same said in brackets on its own: "（市经济和信息化局牵头，各区配合）". */
const OWNER_ASIDE = /^[（(][^（()）]{2,80}(?:牵头|负责|配合|落实)[^（()）]{0,40}[）)]$/;

/** The span inside a sentence's enclosing brackets, if it has them. */
function unbracketed(text: string, span: Span): Span {
  const open = '（('.includes(text[span.start]!);
  const close = '）)'.includes(text[span.end - 1]!);
  return { start: span.start + (open ? 1 : 0), end: span.end - (close ? 1 : 0) };
}

/** What the rules read from the whole text, before they look at any sentence. */
interface DocumentFacts {
  text: string;
  temporal: TemporalMention[];
  context: (span: Span, sectionsAt: (offset: number) => readonly Section[]) => SentenceContext;
  sections: Section[];
}

function documentFacts(source: string, options: ExtractContext): DocumentFacts {
  const text = options.skip?.length ? blank(source, options.skip) : source;
  const aliases = aliasTable(options.aliases ?? {});
  const temporal = findTemporal(text, options.published);
  const targets = findTargets(text);
  const sections = findSections(text, temporal);
  const owners = (span: Span) => clauseOwners(text.slice(span.start, span.end), span.start, aliases);
  const milestones = findWords(MILESTONE, text);
  const cues = findWords(DIRECTIVE, text);
  const context = (span: Span, sectionsAt: (offset: number) => readonly Section[]): SentenceContext => {
    const lineEnd = text.indexOf('\n', span.end);
    return {
      text,
      published: options.published,
      temporal,
      targets,
      sections: sectionsAt(span.start),
      paragraph: { start: text.lastIndexOf('\n', span.start) + 1, end: lineEnd < 0 ? text.length : lineEnd },
      owners,
      milestones,
      cues,
    };
  };
  return { text, temporal, context, sections };
}

export function extractDocument(source: string, options: ExtractContext): Extraction {
  const facts = documentFacts(source, options);
  const headings = new Set(facts.sections.map((s) => s.heading.start));
  const sectionsAt = sectionCursor(facts.sections);
  const candidates: Candidate[] = [];
  // The candidates of the sentence before, for a label list that follows them ("牵头单位：…").
  let previous: Candidate[] = [];
  for (const sentence of sentences(facts.text)) {
    if (headings.has(sentence.start)) continue;
    const context = facts.context(sentence, sectionsAt);
    const words = facts.text.slice(sentence.start, sentence.end);
    // A label list names the owners of the task before it; it is never an item itself.
    if (OWNER_LABELS.test(words) || OWNER_ASIDE.test(words)) {
      if (previous.length > 0) {
        const named = context.owners(unbracketed(facts.text, sentence));
        previous = previous.map((c) => ({ ...c, owners: [...c.owners, ...named] }));
        candidates.splice(candidates.length - previous.length, previous.length, ...previous);
      }
      continue;
    }
    previous = sentenceCandidates(sentence, context);
    candidates.push(...previous);
  }
  return {
    temporal: facts.temporal,
    candidates: lastOfEachQuote(candidates),
    stages: findStages(facts.text, options.published),
  };
}

/**
 * The fields of a passage the analyst selected (to tag it by hand): its deadline and
 * milestones, owners, targets and category, read in the context of the whole document.
 */
export function describePassage(source: string, start: number, end: number, options: ExtractContext): Candidate {
  const facts = documentFacts(source, options);
  const clauses = sentences(facts.text.slice(start, end)).flatMap((s) =>
    s.clauses.map((c) => ({ start: c.start + start, end: c.end + start })),
  );
  const passage = { start, end, clauses: clauses.length > 0 ? clauses : [{ start, end }] };
  const sectionsAt = (offset: number) => facts.sections.filter((s) => s.start <= offset && offset < s.end);
  return {
    ...passageCandidate(passage, facts.context(passage, sectionsAt)),
    start,
    end,
    quote: source.slice(start, end),
  };
}

/**
 * One suggestion per passage: a teaser that repeats the lead ("[摘要]…") gives the same
 * quotes again, and the body — the later copy — is where the passage lives.
 */
function lastOfEachQuote(candidates: readonly Candidate[]): Candidate[] {
  const last = new Map<string, number>();
  candidates.forEach((c, i) => last.set(c.quote, i));
  return candidates.filter((c, i) => last.get(c.quote) === i);
}

/** The text with the skipped ranges replaced by spaces (line breaks kept), so every offset stays valid. */
export function blank(text: string, skip: readonly Span[]): string {
  let result = '';
  let at = 0;
  for (const range of [...skip].sort((a, b) => a.start - b.start)) {
    if (range.end <= at) continue;
    const start = Math.max(range.start, at);
    result += text.slice(at, start) + text.slice(start, range.end).replace(/[^\n]/g, ' ');
    at = range.end;
  }
  return result + text.slice(at);
}
