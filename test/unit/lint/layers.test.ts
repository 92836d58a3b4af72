import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const { MAIN_LAYERS } = (await import(pathToFileURL(join(ROOT, 'eslint.config.mjs')).href)) as { MAIN_LAYERS: Record<string, string[]> };
const eslint = new ESLint({ cwd: ROOT });
const RULE = '@typescript-eslint/no-restricted-imports';

/** The layering errors ESLint reports for `code` as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('the layering lint', () => {
  it('has a layer for every folder of src/main, each importing only layers listed before it', () => {
    const folders = readdirSync(join(ROOT, 'src/main'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((e) => e.name).sort()).toEqual(Object.keys(MAIN_LAYERS).sort());
    const order = Object.keys(MAIN_LAYERS);
    for (const [layer, allowed] of Object.entries(MAIN_LAYERS)) {
      for (const lower of allowed) expect(order.indexOf(lower), `${layer} → ${lower}`).toBeLessThan(order.indexOf(layer));
    }
  });

  it('fails a lower layer that imports a higher one, naming what it may import', async () => {
    expect(
      await layerErrors('src/main/store/probe.ts', "import { requireChannel } from '../workspace/lookups';\nrequireChannel;\n"),
    ).toEqual([
      "'../workspace/lookups' import is restricted from being used by a pattern. src/main/store may import only base of main's layers (see MAIN_LAYERS in eslint.config.mjs).",
    ]);
    expect(
      await layerErrors('src/main/workspace/probe.ts', "import { requireSession } from '../server/auth';\nrequireSession;\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors('src/main/server/routes/api-v4/probe.ts', "import { createCore } from '../../../core/create-core';\ncreateCore;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('src/main/caller/probe.ts', "import { serve } from '../cli/serve';\nserve;\n")).toHaveLength(1);
  });

  it('lets a layer import the layers below it, shared, and types from anywhere', async () => {
    expect(
      await layerErrors('src/main/server/probe.ts', "import { requireChannel } from '../workspace/lookups';\nrequireChannel;\n"),
    ).toEqual([]);
    expect(await layerErrors('src/main/store/probe.ts', "import { isValidId } from '../../shared/mattermost/ids';\nisValidId;\n")).toEqual(
      [],
    );
    expect(await layerErrors('src/main/workspace/probe.ts', "import type { Core } from '../core/core';\nexport type C = Core;\n")).toEqual(
      [],
    );
  });

  it('keeps electron to the one entry file, and Node out of shared', async () => {
    expect(await layerErrors('src/main/core/probe.ts', "import { app } from 'electron';\napp;\n")).toHaveLength(1);
    expect(await layerErrors('src/main/electron/index.ts', "import { app } from 'electron';\napp;\n")).toEqual([]);
    expect(await layerErrors('src/shared/probe.ts', "import { readFileSync } from 'node:fs';\nreadFileSync;\n")).toHaveLength(1);
  });
});
