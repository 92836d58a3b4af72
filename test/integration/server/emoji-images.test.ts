import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../helpers/test-core';

describe('/static/emoji/{unified}.png', () => {
  let server: TestCore;
  beforeAll(async () => {
    server = await startTestCore();
  });
  afterAll(() => server.stop());

  it('serves each emoji Mattermost knows as a 64-pixel PNG, as Mattermost serves its system emoji', async () => {
    for (const code of ['1f680', '2705', '2764-fe0f', '1f44d-1f3fd', '1f1fa-1f1f8']) {
      const response = await fetch(`${server.url}/static/emoji/${code}.png`);
      expect([code, response.status, response.headers.get('content-type')]).toEqual([code, 200, 'image/png']);
      const { data, info } = await sharp(Buffer.from(await response.arrayBuffer()))
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([64, 64]);
      // Drawn, not blank: some pixels are opaque.
      let opaque = 0;
      for (let i = 3; i < data.length; i += info.channels) if (data[i]! > 200) opaque++;
      expect(opaque).toBeGreaterThan(500);
    }
  });

  it('answers 404 for codes it has no image for, and never reads outside its image set', async () => {
    for (const path of ['/static/emoji/fffff.png', `/static/emoji/${'1f680-'.repeat(20)}1f680.png`, '/static/emoji/rocket.png']) {
      const response = await fetch(`${server.url}${path}`);
      expect([path, response.status, response.headers.get('content-type')?.startsWith('image/')]).toEqual([path, 404, false]);
    }
  });
});
