// Quick-open (Ctrl/⌘+K) matching: forgiving, for names the analyst half remembers. Each word
// of the query must be found in the name: as written (best at the start of the name or of
// one of its words), else by most of its character pairs (协同发展规划 finds 京津冀协同发展
// 规划纲要), else as its characters in order (jjj finds jing jin ji).

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

function pairs(s: string): string[] {
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function inOrder(name: string, part: string): boolean {
  let at = 0;
  for (const c of part) {
    at = name.indexOf(c, at);
    if (at < 0) return false;
    at += c.length;
  }
  return true;
}

/** How well one query word matches a (folded) name; 0: not at all. */
function partScore(name: string, part: string): number {
  const at = name.indexOf(part);
  if (at === 0) return 100;
  if (at > 0) return /[\p{L}\p{N}]/u.test(name[at - 1]!) && /^[a-z0-9]/.test(part) ? 70 : 85;
  const grams = pairs(part);
  if (grams.length >= 2) {
    const found = grams.filter((g) => name.includes(g)).length / grams.length;
    if (found >= 0.6) return 40 + 30 * found;
  }
  return part.length >= 2 && inOrder(name, part) ? 20 : 0;
}

/** A score for `name` against the query (0: no match); higher is better, a shorter name wins ties. */
export function fuzzyScore(name: string, query: string): number {
  const parts = fold(query).split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 0;
  const folded = fold(name);
  let total = 0;
  for (const part of parts) {
    const score = partScore(folded, part);
    if (score === 0) return 0;
    total += score;
  }
  // Of equal matches, the name the query covers most of first.
  return (
    total / parts.length + Math.min(10, (10 * fold(query).replace(/\s+/g, '').length) / Math.max(1, folded.length))
  );
}

/** The best `limit` of `entries` for the query, best first. */
export function fuzzyRank<T>(entries: Iterable<T>, names: (entry: T) => readonly string[], query: string, limit = 20) {
  const scored: { entry: T; score: number; length: number }[] = [];
  for (const entry of entries) {
    let best = 0;
    let length = Infinity;
    for (const name of names(entry)) {
      const score = fuzzyScore(name, query);
      if (score > best) {
        best = score;
        length = name.length;
      }
    }
    if (best > 0) scored.push({ entry, score: best, length });
  }
  scored.sort((a, b) => b.score - a.score || a.length - b.length);
  return scored.slice(0, limit).map(({ entry, score }) => ({ entry, score }));
}
