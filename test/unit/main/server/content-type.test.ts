import { describe, expect, it } from 'vitest';
import { parseGoForm, parseMediaType } from '../../../../src/main/server/routes/hooks/content-type';

describe("Go's media type and form parsing", () => {
  it('lowercases the media type and ignores well-formed parameters', () => {
    expect(parseMediaType('AppLicaTion/x-www-Form-urlencoded')).toBe('application/x-www-form-urlencoded');
    expect(parseMediaType('application/json;charset=utf-8')).toBe('application/json');
    expect(parseMediaType(undefined)).toBe('');
  });

  it('fails on text after the type or a malformed parameter', () => {
    expect(parseMediaType('application/x-www-form-urlencoded wrongtext')).toBeNull();
    expect(parseMediaType('application/json; charset')).toBeNull();
  });

  it('decodes + as a space and fails on ; or a bad escape', () => {
    expect(parseGoForm('payload=%7B%22text%22%3A%221+1%3D2%22%7D')?.get('payload')).toEqual(['{"text":"1 1=2"}']);
    expect(parseGoForm('a=1;b=2')).toBeNull();
    expect(parseGoForm('a=%zz')).toBeNull();
  });
});
