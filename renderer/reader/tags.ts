/** Tags typed as one line: split at commas, semicolons or 、 (Chinese or Western), trimmed, without repeats. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,，、;；]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
