import { describe, expect, it } from 'vitest';
import { formatKeepRule, parseKeepRule } from '../../../../src/main/store/retention';

describe('keep rules', () => {
  it.each(['5000', '90s', '30m', '12h', '7d', '800KB', '500MB', '2GB'])('%s reads back as written', (text) => {
    expect(formatKeepRule(parseKeepRule(text)!)).toBe(text);
  });

  it('is written in the largest unit that states it exactly', () => {
    expect(formatKeepRule(parseKeepRule('120m')!)).toBe('2h');
    expect(formatKeepRule(parseKeepRule('90m')!)).toBe('90m');
    expect(formatKeepRule(parseKeepRule('2048kb')!)).toBe('2MB');
  });

  it('reads nothing else', () => {
    for (const text of ['', '0', '-5', '7w', '1.5d', 'forever', '5 000']) expect(parseKeepRule(text)).toBeUndefined();
  });
});
