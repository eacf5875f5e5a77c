// Front matter as scrapers write it — one "key: plain text" per line — read without the YAML
// parser, a large share of a Markdown page's import time. Whatever this reader cannot be sure
// YAML reads as the same strings (quotes, flow collections, comments, numbers, booleans,
// spelled-out nulls, indentation, blank or repeated keys) returns null and goes to the parser.

/** "key: value", "key:" (no space before the colon; spaces around the value are not part of it). */
const KEY_LINE = /^([A-Za-z_][\w-]*):(?:$| +(.*?) *$)/;

/** Scalars YAML's core schema reads as null, booleans or numbers rather than strings. */
const TYPED =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/**
 * A value that may not be a plain YAML scalar read as itself: it opens with an indicator, holds
 * a mapping colon (": ") or a comment (" #"), a tab, or a control, surrogate or special character.
 */
const NOT_PLAIN =
  // eslint-disable-next-line no-control-regex -- control characters send the value to the parser
  /^[-?:,[\]{}#&*!|>'"%@`]|:(?: |$)| #|[\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;

/** The mapping YAML would read from `raw` when every line is a plain "key: value"; else null. */
export function readPlainFrontMatter(raw: string): Record<string, string | null> | null {
  const out: Record<string, string | null> = {};
  for (const line of raw.split('\n')) {
    const m = KEY_LINE.exec(line);
    if (!m) return null;
    const key = m[1]!;
    const value = m[2] ?? '';
    // `in` also refuses names inherited from Object.prototype ("constructor", "__proto__").
    if (key.length > 128 || key in out || TYPED.test(key)) return null;
    if (value && (NOT_PLAIN.test(value) || TYPED.test(value))) return null;
    out[key] = value || null;
  }
  return out;
}
