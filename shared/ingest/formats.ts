// Which parser a file goes to: by extension first (the analyst chose the file), then a
// content sniff for the common case of a web page saved with a .txt name.
import type { DocumentKind } from '../model/types';
import type { Refusal } from './types';

const BY_EXTENSION: Record<string, DocumentKind> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The lower-case extension of a file name, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The document kind for a file name, or the refusal for files Dossier cannot import. */
export function kindFromName(name: string): { ok: true; kind: DocumentKind } | { ok: false; refusal: Refusal } {
  const ext = extensionOf(name);
  const kind = BY_EXTENSION[ext];
  if (kind) return { ok: true, kind };
  const what = ext ? `a .${ext} file` : 'a file without an extension';
  return {
    ok: false,
    refusal: {
      code: 'unsupported-extension',
      message: `${name} is ${what}; Dossier imports plain text (.txt), Markdown (.md), web pages (.html) and PDF (.pdf).`,
    },
  };
}

/** YAML front matter: "---", a few "key: value" lines, "---" (how site generators and scrapers save Markdown). */
const FRONT_MATTER = /^---[ \t]*\n(?:[A-Za-z_][\w-]*[ \t]*:.*\n|[ \t]+.*\n|-[ \t].*\n){1,40}---[ \t]*(?:\n|$)/;

/**
 * A .txt whose content is plainly an HTML document is parsed as HTML; one that opens with
 * YAML front matter is a saved Markdown post and is parsed as Markdown.
 */
export function sniffKind(kind: DocumentKind, text: string): DocumentKind {
  if (kind !== 'text') return kind;
  const start = text.slice(0, 4096).replace(/^\ufeff/, '');
  const trimmed = start.trimStart();
  // Only a file opening with "<" can be a page; lower-casing the head of every file is not free.
  if (trimmed.startsWith('<')) {
    const head = trimmed.slice(0, 1024).toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<!doctype html/.test(head)) {
      return 'html';
    }
  }
  if (FRONT_MATTER.test(start)) return 'markdown';
  return kind;
}
