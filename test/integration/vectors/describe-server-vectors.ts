import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../helpers/test-core';
import { FakeIntegration } from '../helpers/fake-integration';
import { ServerVectorRunner, type ServerVector } from './server-vector-runner';

const FIXTURES = join(__dirname, '../../fixtures/vectors');

/**
 * Every vector of the given areas, from Mattermost's own tests, as one test each. A vector
 * listed in known-failing.json runs as an expected failure: it stays visible in the output,
 * and the run fails once it passes, so the list cannot go stale.
 */
export function describeServerVectors(areas: string[]): void {
  const all = JSON.parse(readFileSync(join(FIXTURES, 'server.json'), 'utf8')) as ServerVector[];
  const known = (JSON.parse(readFileSync(join(FIXTURES, 'known-failing.json'), 'utf8')) as { server: Record<string, string> }).server;
  const vectors = all.filter((v) => areas.includes(v.area));
  const tally = { passed: 0, knownFailing: 0 };

  describe(`server vectors: ${areas.join(', ')}`, () => {
    let server: TestCore;
    let fake: FakeIntegration;
    let runner: ServerVectorRunner;

    beforeAll(async () => {
      server = await startTestCore();
      fake = new FakeIntegration();
      runner = new ServerVectorRunner(server, fake, await fake.start());
    });
    afterAll(async () => {
      await fake.stop();
      await server.stop();
      console.log(`server vectors (${areas.join(', ')}): ${tally.passed} passed, ${tally.knownFailing} known failing of ${vectors.length}`);
    });

    for (const vector of vectors) {
      const reason = known[vector.id];
      const test = reason ? it.fails : it;
      test(reason ? `${vector.id} [known failing: ${reason}]` : vector.id, async () => {
        const failures = await runner.run(vector).catch((error: Error) => [`setup: ${error.message}`]);
        if (process.env.VECTORS_REPORT)
          appendFileSync(process.env.VECTORS_REPORT, `${JSON.stringify({ id: vector.id, area: vector.area, failures })}\n`);
        if (failures.length === 0) tally.passed++;
        else if (reason) tally.knownFailing++;
        expect(failures).toEqual([]);
      });
    }
  });
}
