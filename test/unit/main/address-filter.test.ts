import { describe, expect, it } from 'vitest';
import { hostListed, isForbiddenAddress } from '../../../src/main/caller/address-filter';

describe("Mattermost's outbound address filter", () => {
  const seeded = '127.0.0.0/8 ::1/128 localhost';

  it('refuses reserved addresses when nothing allows them (a fresh Mattermost)', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '192.168.0.9', '172.20.0.1', '169.254.1.1', '100.64.0.1', '::1', 'fd00::1']) {
      expect(isForbiddenAddress(ip, '')).toBe(true);
    }
  });

  it('lets public addresses through', () => {
    expect(isForbiddenAddress('93.184.216.34', '')).toBe(false);
    expect(isForbiddenAddress('2606:4700::1', '')).toBe(false);
  });

  it('allows reserved addresses covered by a CIDR entry, split on spaces and commas', () => {
    expect(isForbiddenAddress('127.0.0.1', seeded)).toBe(false);
    expect(isForbiddenAddress('::1', seeded)).toBe(false);
    expect(isForbiddenAddress('::ffff:127.0.0.1', seeded)).toBe(false);
    expect(isForbiddenAddress('10.0.0.5', '192.168.0.0/16,10.0.0.0/8')).toBe(false);
    expect(isForbiddenAddress('10.0.0.5', seeded)).toBe(true);
  });

  it('treats a plain IP entry as a literal host only', () => {
    expect(isForbiddenAddress('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(hostListed('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(hostListed('localhost', seeded)).toBe(true);
    expect(hostListed('example.com', seeded)).toBe(false);
  });
});
