import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isOwnHost } from '../../../../src/main/server/control-guard';

describe('control API host check', () => {
  it('accepts every loopback spelling of a loopback listener on its port', () => {
    for (const host of ['127.0.0.1:8065', 'localhost:8065', '[::1]:8065']) expect(isOwnHost(host, '127.0.0.1', 8065)).toBe(true);
  });

  it('refuses other ports and DNS names (rebinding)', () => {
    expect(isOwnHost('127.0.0.1:9999', '127.0.0.1', 8065)).toBe(false);
    expect(isOwnHost('evil.example:8065', '127.0.0.1', 8065)).toBe(false);
    expect(isOwnHost(undefined, '127.0.0.1', 8065)).toBe(false);
  });

  it('on a wildcard listener accepts IP literals only', () => {
    expect(isOwnHost('192.168.1.5:8065', '0.0.0.0', 8065)).toBe(true);
    expect(isOwnHost('attacker.example:8065', '0.0.0.0', 8065)).toBe(false);
  });

  it('knows loopback peers', () => {
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.2')).toBe(false);
  });
});
