// The W3C Web Annotation test suite's JSON Schemas (test/fixtures/web-annotation-schemas, from
// w3c/web-annotation-tests), run the way its harness runs them: each "assertion" schema listed in
// a .test file is checked against one annotation (or collection, or page) and must give its
// expectedResult. The schemas are draft-04, which Ajv 8 does not read (ajv-draft-04 is not
// installed), so they are brought to draft-07 on loading: `$schema` dropped, the top-level `id`
// becomes `$id` (one flat namespace, as the harness resolves "annotations.json#/…" by name), and
// draft-04's boolean exclusiveMinimum/Maximum become numbers. Formats (uri, date-time) by ajv-formats.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const SCHEMA_DIR = join(import.meta.dirname, '../../fixtures/web-annotation-schemas');
const BASE = 'https://dossier.test/web-annotation-schemas/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Draft-04 → draft-07, in place: see the module comment. */
function toDraft7(node: Json, top: boolean, fileName: string): Json {
  if (Array.isArray(node)) return node.map((n) => toDraft7(n, false, fileName));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (top && key === 'id') continue;
    out[key] = toDraft7(value, false, fileName);
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
  if (top) out.$id = BASE + fileName;
  return out;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'samples' ? [] : jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

export interface Assertion {
  file: string;
  expected: 'valid' | 'invalid';
  message: string;
  validate: ValidateFunction;
}

export interface ModelChecker {
  /** The assertions of a .test file (e.g. 'annotations/annotationMusts.test'). */
  assertions(testFile: string): Assertion[];
  /** The assertions of `testFile` that `value` fails, with their error messages (empty: it passes). */
  failures(testFile: string, value: unknown): string[];
  /** Whether `value` passes one assertion file (e.g. an optional feature check). */
  passes(assertionFile: string, value: unknown): boolean;
}

export function loadModelChecker(): ModelChecker {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const raw = new Map<string, { [key: string]: Json }>();
  for (const path of jsonFiles(SCHEMA_DIR)) {
    const name = basename(path);
    const schema = JSON.parse(readFileSync(path, 'utf8')) as { [key: string]: Json };
    raw.set(relative(SCHEMA_DIR, path), schema);
    ajv.addSchema(toDraft7(schema, true, name) as object, BASE + name);
  }
  const compiled = new Map<string, Assertion>();
  const assertion = (file: string): Assertion => {
    let found = compiled.get(file);
    if (!found) {
      const schema = raw.get(file);
      if (!schema) throw new Error(`No assertion ${file}`);
      const validate = ajv.getSchema(BASE + basename(file));
      if (!validate) throw new Error(`Not compiled: ${file}`);
      found = {
        file,
        expected: schema.expectedResult === 'invalid' ? 'invalid' : 'valid',
        message: String(schema.errorMessage ?? file),
        validate,
      };
      compiled.set(file, found);
    }
    return found;
  };
  const assertions = (testFile: string) => {
    const test = JSON.parse(readFileSync(join(SCHEMA_DIR, testFile), 'utf8')) as { assertions: string[] };
    return test.assertions.map(assertion);
  };
  return {
    assertions,
    failures: (testFile, value) =>
      assertions(testFile)
        .filter((a) => a.validate(value) !== (a.expected === 'valid'))
        .map((a) => `${a.file}: ${a.message}`),
    passes: (file, value) => assertion(file).validate(value) === true,
  };
}
