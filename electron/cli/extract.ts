// `dossier extract FILE… [--published YYYY-MM-DD] [--json]`: the app's extraction rules on
// files, printed in the gold files' shape (../shared/gold/RULES.md) or as a readable list.
import type { ExtractionReport } from '../../shared/extract/gold';
import { extractFile } from './extract-file';

export const EXTRACT_USAGE = `Usage: dossier extract FILE… [--published YYYY-MM-DD] [--json]

Reads each file as the app imports it and prints the dated expressions and the task and
commitment candidates the app would suggest, with deadlines, owners and targets. Offsets
count the file as read (for a PDF: its extracted text).

Options:
  --published D   resolve 今年, 年底, 6月底… against this date instead of the detected one
  --json          print a JSON array, one object per file:
                  {doc, published, title, temporal: [{text, start, kind, normalized: {from, to, precision}}],
                   items: [{kind, quote, start, deadline, deadline_source, owners, targets, confidence, category, milestones}]}
  -h, --help      show this help

Exit status: 0 when every file was read, 1 when any was refused, 2 on a usage error.`;

function human(r: ExtractionReport): string {
  const lines = [`== ${r.doc}`, `title:      ${r.title}`, `published:  ${r.published ?? 'unknown'}`];
  lines.push(`--- dates (${r.temporal.length})`);
  for (const t of r.temporal) {
    const range = t.normalized.from ? `${t.normalized.from}..${t.normalized.to}` : (t.normalized.to ?? '—');
    lines.push(
      `  ${String(t.start).padStart(6)}  ${t.kind.padEnd(8)} ${t.text}  → ${range} (${t.normalized.precision})`,
    );
  }
  lines.push(`--- items (${r.items.length})`);
  for (const i of r.items) {
    const due = i.deadline ? `due ${i.deadline} (${i.deadline_source})` : 'no deadline';
    lines.push(
      `  ${i.kind.padEnd(10)} ${Math.round(i.confidence * 100)}%  ${due}${i.category ? `  [${i.category}]` : ''}`,
    );
    lines.push(`    ${i.quote}`);
    if (i.owners.length) lines.push(`    owners:  ${i.owners.join('、')}`);
    if (i.targets.length) lines.push(`    targets: ${i.targets.join('、')}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function extractCommand(rest: string[]): Promise<number> {
  let json = false;
  let published: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--published') {
      published = rest[++i];
      if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) {
        process.stderr.write('dossier extract: --published needs a date as YYYY-MM-DD.\n');
        return 2;
      }
    } else if (a.startsWith('--')) {
      process.stderr.write(`dossier extract: unknown option ${a}.\n\n${EXTRACT_USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    process.stderr.write(`dossier extract: no files given.\n\n${EXTRACT_USAGE}\n`);
    return 2;
  }
  const reports: ExtractionReport[] = [];
  let refused = false;
  for (const file of files) {
    const result = await extractFile(file, { published });
    if (result.ok) reports.push(result.report);
    else {
      refused = true;
      process.stderr.write(`dossier extract: ${result.message}\n`);
    }
  }
  process.stdout.write(json ? `${JSON.stringify(reports, null, 2)}\n` : reports.map(human).join('\n'));
  return refused ? 1 : 0;
}
