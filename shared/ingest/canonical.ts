// The canonical text every annotation anchors to: blocks joined by one blank line, NFC,
// "\n" line ends; block offsets are UTF-16 code unit positions into it (JS string indices).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Block } from '../model/types';
import type { RawBlock } from './types';

/** A block's text as it goes into the canonical text: no blank line inside a block. */
function blockText(b: RawBlock, nfc: boolean): string {
  const t = nfc ? b.text.normalize('NFC') : b.text;
  if (b.type === 'preformatted') return t.replace(/\n\s*\n+/g, '\n').replace(/^\n+|\n+$/g, '');
  return t.includes('\n') ? t.replace(/\s*\n\s*/g, ' ').trim() : t.trim();
}

function joinBlocks(raw: readonly RawBlock[], nfc: boolean): { text: string; blocks: Block[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  for (const b of raw) {
    const text = blockText(b, nfc);
    if (!text) continue;
    if (parts.length) offset += 2;
    const block: Block = { type: b.type, start: offset, end: offset + text.length };
    if (b.level !== undefined) block.level = b.level;
    if (b.table !== undefined) Object.assign(block, { table: b.table, row: b.row, col: b.col });
    if (b.ordered !== undefined) block.ordered = b.ordered;
    blocks.push(block);
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join('\n\n'), blocks };
}

export function toCanonical(raw: readonly RawBlock[]): { text: string; blocks: Block[] } {
  // White space never composes or reorders under NFC, so laying blocks out and joining them
  // commutes with normalizing each block: when the joined text is already NFC (nearly always),
  // it is the result, and one normalizer call replaces one per block.
  const joined = joinBlocks(raw, false);
  return joined.text.normalize('NFC') === joined.text ? joined : joinBlocks(raw, true);
}

const utf8 = new TextEncoder();

/** SHA-256 (hex) of the canonical text's UTF-8 bytes. */
export const contentHash = (text: string): string => bytesToHex(sha256(utf8.encode(text)));

/** The text of each block of a canonical document. */
export const blockTexts = (text: string, blocks: readonly Block[]): string[] =>
  blocks.map((b) => text.slice(b.start, b.end));
