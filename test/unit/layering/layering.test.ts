// The layering rules of DESIGN.md are lint rules; this proves they are switched on and bite.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering', () => {
  it.each([
    ['shared/model/x.ts', "import Dexie from 'dexie';"],
    ['shared/model/x.ts', "import { app } from 'electron';"],
    ['shared/model/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/model/x.ts', "import { useState } from 'react';"],
    ['shared/model/x.ts', "import { bridge } from '../../renderer/bridge/bridge';"],
    ['renderer/app/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/app/x.ts', "import { readFileSync } from 'fs';"],
    ['renderer/library/x.ts', "import Dexie from 'dexie';"],
    ['electron/x.ts', "import { App } from '../renderer/app/App';"],
  ])('%s may not say %s', async (file, code) => {
    expect(await errorsFor(file, code)).not.toHaveLength(0);
  });

  it.each([
    ['renderer/app/x.ts', "import { describeRange } from '../../shared/anchoring/describe';"],
    ['renderer/db/x.ts', "import Dexie from 'dexie';"],
    ['electron/x.ts', "import { CHANNELS } from '../shared/ipc/contract';"],
  ])('%s may say %s', async (file, code) => {
    expect(await errorsFor(file, code)).toHaveLength(0);
  });
});
