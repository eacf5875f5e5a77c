// The stylesheet of an exported brief: quiet book typography for screen and for Chromium's
// print to PDF (A4). Pure data; nothing in it loads a resource.
import type { BriefLanguage } from './dates';

// Chromium prints Noto CJK as Type 3 fonts, which pdf.js reads back as Kangxi radicals
// (docs: TOOLCHAIN.md); WenQuanYi Zen Hei is TrueType, so print puts it first.
const CJK_SERIF = ['"Noto Serif CJK SC"', '"Noto Sans CJK SC"', '"Source Han Serif SC"', '"Songti SC"', 'SimSun'];
const CJK_SANS = ['"Noto Sans CJK SC"', '"Source Han Sans SC"', '"PingFang SC"', '"Microsoft YaHei"', 'SimHei'];
// English text reads better in a Latin serif; CJK characters fall through to the fonts after it.
const LATIN_SERIF = ['"Times New Roman"', '"Liberation Serif"', 'Georgia'];
const LATIN_SANS = ['"Helvetica Neue"', 'Arial', '"Liberation Sans"'];
const MONO = ['"DejaVu Sans Mono"', 'Menlo', 'Consolas', '"Noto Sans Mono CJK SC"', 'monospace'];

export function fontStacks(language: BriefLanguage, print: boolean): { body: string; heading: string; mono: string } {
  const first = print ? ['"WenQuanYi Zen Hei"'] : [];
  const last = print ? [] : ['"WenQuanYi Zen Hei"'];
  const latin = (fonts: string[]) => (language === 'en' ? fonts : []);
  return {
    body: [...latin(LATIN_SERIF), ...first, ...CJK_SERIF, ...last, 'serif'].join(', '),
    heading: [...latin(LATIN_SANS), ...first, ...CJK_SANS, ...last, 'sans-serif'].join(', '),
    mono: MONO.join(', '),
  };
}

export function briefStylesheet(language: BriefLanguage, print: boolean): string {
  const fonts = fontStacks(language, print);
  return `
@page { size: A4; margin: 22mm 20mm 24mm; }
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5f5f5f; --rule: #c9c9c9; --tint: #f4f2ee; --accent: #7a5c2e; }
html { font-size: ${print ? '10.5pt' : '17px'}; -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: #fff; color: var(--ink);
  font-family: ${fonts.body};
  line-height: 1.8; font-kerning: normal;
  /* Chinese line breaking: no line starts with 。，、 and the like; long runs still wrap. */
  line-break: strict; word-break: normal; overflow-wrap: anywhere;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.brief { max-width: 40rem; margin: 0 auto; padding: ${print ? '0' : '3.5rem 1.5rem 5rem'}; }
.title-block { margin: 0 0 2.6em; padding-bottom: 1.2em; border-bottom: 1px solid var(--rule); }
.title-block h1 { font-family: ${fonts.heading}; font-size: 2rem; line-height: 1.35; font-weight: 700; margin: 0 0 .5em; letter-spacing: .01em; }
.byline { margin: 0; color: var(--muted); font-size: .95rem; }
h2, h3, h4, h5, h6 { font-family: ${fonts.heading}; font-weight: 700; line-height: 1.45; margin: 1.9em 0 .6em; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 1.45rem; } h3 { font-size: 1.2rem; } h4 { font-size: 1.05rem; } h5, h6 { font-size: 1rem; color: var(--muted); }
p { margin: 0 0 .9em; orphans: 2; widows: 2; }
:lang(zh) p, p:lang(zh), li:lang(zh) { text-align: justify; text-justify: inter-character; }
a { color: var(--accent); text-decoration: underline; text-decoration-thickness: .06em; text-underline-offset: .18em; }
code { font-family: ${fonts.mono}; font-size: .88em; background: var(--tint); padding: .05em .3em; border-radius: 2px; }
ul, ol { margin: 0 0 .9em; padding-left: 1.8em; }
li { margin: .2em 0; }
li > ul, li > ol { margin: .2em 0 0; }
ul.checklist { list-style: none; padding-left: .4em; }
.check { display: inline-block; width: .8em; height: .8em; margin-right: .45em; border: 1px solid var(--muted); border-radius: 2px; vertical-align: -.05em; font-size: .8em; line-height: .8em; text-align: center; }
blockquote { margin: 1.3em 0; padding: .15em 0 .15em 1.2em; border-left: 3px solid var(--rule); color: #333; }
blockquote p:last-child { margin-bottom: 0; }
blockquote.cited { border-left-color: var(--accent); background: linear-gradient(90deg, var(--tint), #fff 80%); padding: .6em 1em .6em 1.2em; }
.quote-status { font-size: .85em; color: #8a3b12; margin-top: .4em; }
.note-ref { font-size: .72em; line-height: 0; vertical-align: super; margin-left: .08em; }
.note-ref a { text-decoration: none; }
table { width: 100%; border-collapse: collapse; margin: 1.2em 0 1.5em; font-size: .9em; line-height: 1.6; }
caption, .caption { caption-side: top; text-align: left; color: var(--muted); font-size: .9em; padding-bottom: .4em; }
th, td { border: 1px solid var(--rule); padding: .4em .6em; vertical-align: top; text-align: left; }
thead th { background: var(--tint); font-family: ${fonts.heading}; font-weight: 700; }
thead { display: table-header-group; } /* header rows repeat on every printed page */
tr, blockquote, .title-block { break-inside: avoid; page-break-inside: avoid; }
td.date, .items td:first-child, .items td:nth-child(5), .items th { white-space: nowrap; }
.items td:nth-child(4) { min-width: 5.5em; }
.notes { margin-top: 3em; padding-top: .8em; border-top: 1px solid var(--rule); font-size: .86em; line-height: 1.65; }
.notes h2 { font-size: 1rem; margin: 0 0 .6em; }
.notes ol { padding-left: 1.6em; }
.notes li { margin: .3em 0; break-inside: avoid; }
.locator { display: block; font-family: ${fonts.mono}; font-size: .82em; color: var(--muted); overflow-wrap: anywhere; }
.backref { text-decoration: none; margin-left: .3em; }
@media print {
  .brief { max-width: none; }
  a { color: inherit; text-decoration: none; }
  .notes a.locator, .notes a.source { color: var(--muted); }
  .backref { display: none; }
  blockquote.cited { background: none; }
}
`.trim();
}
