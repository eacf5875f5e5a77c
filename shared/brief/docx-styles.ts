// The look of an exported Word brief: A4, Chinese-ready fonts (every style names an East Asian
// font, so Word and LibreOffice set Chinese in 宋体/黑体 rather than a Latin font's fallback),
// and the list numberings it uses. Pure data for the docx package.
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  type ILevelsOptions,
  type INumberingOptions,
  type IStylesOptions,
} from 'docx';
import type { BriefLanguage } from './dates';

/** Latin text in a Latin face, Chinese in SimSun (宋体) for the body and SimHei (黑体) for headings. */
export const FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' },
  heading: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: 'SimHei' },
  mono: { ascii: 'Consolas', hAnsi: 'Consolas', cs: 'Consolas', eastAsia: 'SimSun' },
} as const;

/** A4 in twips, with the margins of a Chinese official document (2.54 cm top and bottom, 3.17 cm sides). */
export const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1440, bottom: 1440, left: 1800, right: 1800, header: 851, footer: 992 },
} as const;
export const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;

const INK = '1B1B1B';
const MUTED = '5F5F5F';
const ACCENT = '7A5C2E';

const heading = (size: number, before: number) => ({
  run: { font: FONTS.heading, size, bold: true, color: INK },
  paragraph: { spacing: { before, after: 120, line: 300 }, keepNext: true, keepLines: true },
});

export function briefStyles(language: BriefLanguage): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: FONTS.body,
          size: 21, // 10.5 pt, 五号
          language: { value: language === 'zh' ? 'zh-CN' : 'en-GB', eastAsia: 'zh-CN' },
        },
        paragraph: { spacing: { after: 120, line: 312 } },
      },
      title: {
        run: { font: FONTS.heading, size: 44, bold: true, color: INK },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 480, line: 360 } },
      },
      heading1: heading(32, 360),
      heading2: heading(28, 300),
      heading3: heading(24, 240),
      heading4: heading(22, 200),
      heading5: heading(21, 160),
      heading6: heading(21, 160),
      hyperlink: { run: { color: ACCENT, underline: {} } },
      footnoteText: { run: { font: FONTS.body, size: 18 }, paragraph: { spacing: { after: 40, line: 260 } } },
      caption: { run: { font: FONTS.body, size: 19, color: MUTED, italics: false, bold: false } },
    },
    paragraphStyles: [
      {
        id: 'Byline',
        name: 'Byline',
        basedOn: 'Normal',
        run: { size: 24, color: MUTED },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
      },
      {
        // A passage quoted from a source: set off by indent and a rule, cited in a footnote.
        id: 'CitedPassage',
        name: 'Cited Passage',
        basedOn: 'Normal',
        next: 'Normal',
        run: { color: '2B2B2B' },
        paragraph: {
          indent: { left: 567, right: 284 },
          spacing: { before: 160, after: 160, line: 336 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'B08D57', space: 10 } },
          keepLines: true,
        },
      },
      {
        id: 'QuoteNote',
        name: 'Quote Note',
        basedOn: 'Normal',
        run: { size: 18, color: '8A3B12' },
        paragraph: { indent: { left: 567 }, spacing: { before: 0, after: 160 } },
      },
      {
        id: 'BlockQuotation',
        name: 'Block Quotation',
        basedOn: 'Normal',
        run: { color: '333333' },
        paragraph: {
          indent: { left: 567, right: 284 },
          border: { left: { style: BorderStyle.SINGLE, size: 8, color: 'C9C9C9', space: 10 } },
        },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 19 },
        paragraph: { spacing: { before: 40, after: 40, line: 276 } },
      },
      {
        id: 'TableHead',
        name: 'Table Head',
        basedOn: 'TableText',
        run: { font: FONTS.heading, bold: true },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: { size: 18, color: MUTED },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
    ],
    characterStyles: [
      { id: 'Code', name: 'Code', basedOn: 'DefaultParagraphFont', run: { font: FONTS.mono, size: 19 } },
      {
        id: 'Locator',
        name: 'Locator',
        basedOn: 'DefaultParagraphFont',
        run: { font: FONTS.mono, size: 15, color: MUTED },
      },
    ],
  };
}

const BULLETS = ['•', '◦', '▪'];

const indent = (level: number) => ({ paragraph: { indent: { left: 420 * (level + 1), hanging: 360 } } });

function levels(kind: 'bullet' | 'number', start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) =>
    kind === 'bullet'
      ? {
          level,
          format: LevelFormat.BULLET,
          text: BULLETS[level % 3]!,
          alignment: AlignmentType.LEFT,
          style: indent(level),
        }
      : {
          // Decimal at every level, as the HTML and Markdown of the brief number nested lists.
          level,
          format: LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          start: level === 0 ? start : 1,
          alignment: AlignmentType.LEFT,
          style: indent(level),
        },
  );
}

/** The reference of a list's numbering: bullets share one; numbered lists one per first number. */
export const listReference = (kind: 'bullet' | 'check' | 'number', start: number): string =>
  kind === 'number' ? `number-${start}` : 'bullet';

export function briefNumbering(references: Iterable<string>): INumberingOptions {
  return {
    config: [...references].map((reference) => {
      const start = /^number-(-?\d+)$/.exec(reference)?.[1];
      return { reference, levels: start === undefined ? levels('bullet', 1) : levels('number', Number(start)) };
    }),
  };
}
