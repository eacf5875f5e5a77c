// The `dossier` command line: the app's own import and extraction code on files, for
// checking rules on real pages from a terminal, for scoring them against gold files, and for
// reading, checking and merging sync bundles.
import { bundleCommand, BUNDLE_USAGE } from './bundle';
import { evalCommand, EVAL_USAGE } from './eval';
import { extractCommand, EXTRACT_USAGE } from './extract';
import { inspectCommand, INSPECT_USAGE } from './inspect';

const COMMANDS: Record<string, { run: (rest: string[]) => Promise<number>; usage: string }> = {
  inspect: { run: inspectCommand, usage: INSPECT_USAGE },
  extract: { run: extractCommand, usage: EXTRACT_USAGE },
  eval: { run: evalCommand, usage: EVAL_USAGE },
  bundle: { run: bundleCommand, usage: BUNDLE_USAGE },
};

const USAGE = Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n\n');

export async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  const [command, ...rest] = args;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    (command ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    process.stderr.write(`dossier: unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(`${entry.usage}\n`);
    return 0;
  }
  return entry.run(rest);
}

process.exitCode = await main(process.argv);
