// The part of opentype.js 2 (which ships no types) that default-avatar.ts uses. @types/opentype.js
// describes 1.x and pulls the DOM's types into the Node build.
declare module 'opentype.js' {
  export interface Path {
    toPathData(decimalPlaces?: number): string;
  }
  export interface Font {
    getPath(text: string, x: number, y: number, fontSize: number): Path;
  }
  export function parse(buffer: ArrayBuffer): Font;
}
