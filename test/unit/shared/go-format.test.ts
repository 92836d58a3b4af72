import { describe, expect, it } from 'vitest';
import { formatGoFloat, formatGoValue } from '../../../src/shared/mattermost/go-format';

describe("Go's %v for JSON values", () => {
  it.each([
    [42, '42'],
    [1.5, '1.5'],
    [-3, '-3'],
    [123456, '123456'],
    [1234567, '1.234567e+06'],
    [1000000, '1e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e21, '1e+21'],
  ])('formats the number %d as %s', (value, text) => {
    expect(formatGoFloat(value)).toBe(text);
  });

  it('formats booleans, lists and objects like fmt', () => {
    expect(formatGoValue(true)).toBe('true');
    expect(formatGoValue([])).toBe('[]');
    expect(formatGoValue([1, 'a', null])).toBe('[1 a <nil>]');
    expect(formatGoValue({ b: 2, a: 'x' })).toBe('map[a:x b:2]');
  });
});
