// A quantity target the analyst types (309家, 1.7万亿元, 三个): read by the same rules as the
// targets found in the text (shared/extract/targets), so both give the same value and unit.
import { findTargets } from '../../../shared/extract/targets';
import type { QuantityTarget } from '../../../shared/model/types';

/** Reads a target as written; a value of 0 when no number can be read from it (the text is kept). */
export function parseTarget(written: string): QuantityTarget {
  const text = written.trim();
  const [found] = findTargets(text);
  return found ? { value: found.value, unit: found.unit, text } : { value: 0, unit: '', text };
}
