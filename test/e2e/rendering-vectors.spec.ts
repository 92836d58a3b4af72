import { expect, test, type Page } from '@playwright/test';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServe, type ServeProcess } from '../helpers/serve-process';
import { RenderingVectorRunner, type RenderingVector } from './helpers/rendering-vector-runner';

const FIXTURES = join(__dirname, '../fixtures/vectors');
const vectors = JSON.parse(readFileSync(join(FIXTURES, 'rendering.json'), 'utf8')) as RenderingVector[];
const known = (JSON.parse(readFileSync(join(FIXTURES, 'known-failing.json'), 'utf8')) as { rendering: Record<string, string> }).rendering;

// One server and one page per worker: every vector posts into the same channel, in file order.
let serve: ServeProcess;
let runner: RenderingVectorRunner;
let page: Page;

test.beforeAll(async ({ browser }) => {
  serve = await startServe();
  runner = new RenderingVectorRunner(serve);
  await runner.prepare();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
test.afterAll(async () => {
  await page.close();
  await serve.cleanup();
});

for (const vector of vectors) {
  const reason = known[vector.id];
  test(reason ? `${vector.id} [known failing: ${reason}]` : vector.id, async () => {
    // Known failures stay visible and must keep failing: the run fails once one passes.
    test.fail(reason !== undefined, reason);
    const failures = await runner.run(page, vector).catch((error: Error) => [`setup: ${error.message}`]);
    if (process.env.VECTORS_REPORT)
      appendFileSync(process.env.VECTORS_REPORT, `${JSON.stringify({ id: vector.id, area: vector.area, failures })}\n`);
    expect(failures).toEqual([]);
  });
}
