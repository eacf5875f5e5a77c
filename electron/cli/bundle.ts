// `dossier bundle inspect|verify|merge FILE…`: the app's sync code (shared/sync) on bundle
// files, from a terminal — to see what a colleague sent, to check a file before passing it on,
// and to combine several bundles into one (the same merge an import does, into an empty library).
import { readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { readBundle, writeBundle, type BundleContents } from '../../shared/sync/bundle';
import { compareRevisions, newReplicaId } from '../../shared/sync/hlc';
import { allVersions, applyPlan, emptySnapshot, planMerge } from '../../shared/sync/library-merge';
import { SYNC_TABLES, type DocumentText } from '../../shared/sync/tables';
import { writeFileAtomic } from '../atomic-write';

export const BUNDLE_USAGE = `Usage: dossier bundle inspect FILE… [--json]
       dossier bundle verify FILE…
       dossier bundle merge FILE… --out FILE [--analyst NAME]

Reads Dossier sync bundles (.dossier) with the app's own code.

  inspect   prints each bundle's manifest: who sent it and when, the filter, and how many
            records of each kind, texts and PDFs it holds (--json: one object per file)
  verify    checks each bundle as an import would (zip structure, sizes, checksums, format
            version, every record against its schema) and prints "ok" or why it is refused
  merge     merges the bundles, in the given order, as an import into an empty library does,
            and writes the result as one bundle (atomically) to --out; conflicting versions are
            kept as conflicts, never dropped. Prints what each bundle added.

Exit status: 0 when every bundle was read, 1 when any was refused, 2 on a usage error.`;

interface Read {
  file: string;
  result: ReturnType<typeof readBundle>;
}

const readAll = (files: string[]): Read[] =>
  files.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      const message = `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
      return { file, result: { ok: false, error: { code: 'corrupt', message } } as ReturnType<typeof readBundle> };
    }
    return { file, result: readBundle(bytes) };
  });

function summary(contents: BundleContents) {
  const { manifest } = contents;
  return {
    formatVersion: manifest.formatVersion,
    analyst: manifest.analyst,
    replicaId: manifest.replicaId,
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    filter: manifest.filter,
    records: manifest.counts.records,
    texts: manifest.counts.texts,
    pdfs: manifest.counts.pdfs,
  };
}

function printInspect(reads: Read[], json: boolean): void {
  if (json) {
    const out = reads.map(({ file, result }) =>
      result.ok ? { file, ok: true, ...summary(result.value) } : { file, ok: false, refusal: result.error },
    );
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  for (const { file, result } of reads) {
    process.stdout.write(`${file}\n`);
    if (!result.ok) {
      process.stdout.write(`  refused (${result.error.code}): ${result.error.message}\n\n`);
      continue;
    }
    const s = summary(result.value);
    const records = SYNC_TABLES.filter((t) => s.records[t] > 0)
      .map((t) => `${s.records[t]} ${t}`)
      .join(', ');
    process.stdout.write(
      [
        `  from      ${s.analyst || '(no name)'} · replica ${s.replicaId}`,
        `  created   ${s.createdAt} · Dossier ${s.appVersion} · format ${s.formatVersion}`,
        `  filter    ${s.filter.scope === 'all' ? 'everything' : JSON.stringify(s.filter)}`,
        `  records   ${records || 'none'}`,
        `  texts     ${s.texts} · PDFs ${s.pdfs}`,
        '',
        '',
      ].join('\n'),
    );
  }
}

async function merge(reads: Read[], out: string, analyst: string): Promise<void> {
  let library = emptySnapshot();
  const texts = new Map<string, DocumentText>();
  const pdfs = new Map<string, Uint8Array>();
  let clock: string | null = null;
  for (const { file, result } of reads) {
    if (!result.ok) continue;
    const contents = result.value;
    const plan = planMerge(library, { records: contents.records, texts: new Set(contents.texts.keys()) });
    library = applyPlan(library, plan);
    for (const [hash, text] of contents.texts) texts.set(hash, text);
    for (const [hash, bytes] of contents.pdfs) pdfs.set(hash, bytes);
    if (clock === null || compareRevisions(contents.manifest.clock, clock) > 0) clock = contents.manifest.clock;
    process.stdout.write(
      `${file}: ${plan.add.length} new, ${plan.update.length} updated, ${plan.deletions.length} deleted, ` +
        `${plan.conflicts.length} with conflicts, ${plan.unchanged} unchanged\n`,
    );
  }
  const bytes = writeBundle({
    replicaId: newReplicaId(),
    analyst,
    createdAt: new Date().toISOString(),
    appVersion: appVersion(),
    clock: clock!,
    filter: { scope: 'all' },
    records: allVersions(library),
    texts: [...texts.values()],
    pdfs: [...pdfs].map(([contentHash, data]) => ({ contentHash, bytes: data })),
  });
  await writeFileAtomic(fs, path.resolve(out), bytes);
  process.stdout.write(`wrote ${out} (${bytes.length.toLocaleString('en')} bytes)\n`);
}

function appVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

export async function bundleCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const files: string[] = [];
  let json = false;
  let out: string | null = null;
  let analyst = 'dossier bundle merge';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--out' || arg === '--analyst') {
      const value = rest[++i];
      if (value === undefined) return usage(`${arg} needs a value`);
      if (arg === '--out') out = value;
      else analyst = value;
    } else if (arg.startsWith('--')) return usage(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (action !== 'inspect' && action !== 'verify' && action !== 'merge') return usage('inspect, verify or merge?');
  if (files.length === 0) return usage('no bundle given');
  if (action === 'merge' && !out) return usage('merge needs --out FILE');

  const reads = readAll(files);
  const refused = reads.filter((r) => !r.result.ok).length;
  if (action === 'inspect') printInspect(reads, json);
  else if (action === 'verify') {
    for (const { file, result } of reads) {
      process.stdout.write(
        result.ok ? `${file}: ok\n` : `${file}: refused (${result.error.code}): ${result.error.message}\n`,
      );
    }
  } else {
    for (const { file, result } of reads) {
      if (!result.ok) process.stderr.write(`${file}: refused (${result.error.code}): ${result.error.message}\n`);
    }
    // Merging what could be read would pass on a partial result as if it were whole.
    if (refused > 0) {
      process.stderr.write('nothing written: every bundle must be readable to merge\n');
      return 1;
    }
    await merge(reads, out!, analyst);
  }
  return refused > 0 ? 1 : 0;
}

function usage(problem: string): number {
  process.stderr.write(`dossier bundle: ${problem}.\n\n${BUNDLE_USAGE}\n`);
  return 2;
}
