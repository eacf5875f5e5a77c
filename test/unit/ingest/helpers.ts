// Shared helpers for the ingest tests: load fixtures, run the import, look at the result.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { ingest } from '../../../shared/ingest/ingest';
import type { IngestedDocument, IngestOutcome } from '../../../shared/ingest/types';

export const fixture = (...parts: string[]): string => resolve(import.meta.dirname, '../../fixtures', ...parts);

export const fixtureBytes = (...parts: string[]): Uint8Array => new Uint8Array(readFileSync(fixture(...parts)));

/** Imports a fixture file and fails the test with the refusal message if it was refused. */
export function importFixture(...parts: string[]): IngestedDocument {
  const outcome = ingest({ name: parts[parts.length - 1]!, bytes: fixtureBytes(...parts) });
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message}`);
  return outcome.doc;
}

export const importSeed = (name: string): IngestedDocument => importFixture('seeds', name);

/** The text of each block, in order. */
export const blockTexts = (doc: Pick<IngestedDocument, 'text' | 'blocks'>): string[] =>
  doc.blocks.map((b) => doc.text.slice(b.start, b.end));

/** Imports text given inline (UTF-8) under a file name. */
export const ingestText = (name: string, text: string, maxBytes?: number): IngestOutcome =>
  ingest({ name, bytes: new TextEncoder().encode(text) }, maxBytes === undefined ? {} : { maxBytes });

export function expectRefused(outcome: IngestOutcome, code: string): string {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('unreachable');
  expect(outcome.refusal.code).toBe(code);
  expect(outcome.refusal.message).toMatch(/^\S.{10,}\.$/);
  return outcome.refusal.message;
}

/** Structural checks every imported document must pass, whatever its content. */
export function expectWellFormed(doc: IngestedDocument): void {
  expect(doc.text).toBe(doc.text.normalize('NFC'));
  expect(doc.text).not.toMatch(/\r|\n{3,}/);
  expect(doc.text).toBe(blockTexts(doc).join('\n\n'));
  for (const b of doc.blocks) {
    expect(b.end).toBeGreaterThan(b.start);
    expect(doc.text.slice(b.start, b.end)).not.toMatch(/^\s|\s$|\n\n/);
  }
  expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
  // The title is shown once: it is not repeated as the first body line.
  if (doc.articles.length === 0) expect(blockTexts(doc)[0]).not.toBe(doc.title);
}
