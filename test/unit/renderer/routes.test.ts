import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../src/renderer/src/app/routes';

describe("the UI's routes", () => {
  it.each([
    ['/dev/channels/town-square', { name: 'channel', team: 'dev', channel: 'town-square' }],
    ['/dev/pl/abcdefghijklmnopqrstuvwxyz', { name: 'permalink', team: 'dev', postId: 'abcdefghijklmnopqrstuvwxyz' }],
    ['/_mockmost/composer', { name: 'composer' }],
    ['/_mockmost/integrations', { name: 'integrations' }],
    ['/_mockmost/traffic', { name: 'traffic' }],
    ['/_mockmost/settings', { name: 'settings' }],
    ['/_mockmost/settings/', { name: 'settings' }],
    ['/team%20a/channels/x', { name: 'channel', team: 'team a', channel: 'x' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('takes anything else, malformed escapes included, as a page that is not found', () => {
    for (const path of ['/_mockmost/nothing', '/dev/channels', '/%E0%A4%A/channels/x/y', '/_mockmost/constructor']) {
      expect(parseRoute(path)).toEqual({ name: 'not-found', path });
    }
    expect(parseRoute('/%E0%A4%A/channels/x')).toEqual({ name: 'channel', team: '%E0%A4%A', channel: 'x' });
  });
});
