import { readFileSync } from 'node:fs';

const SHT_DYNSYM = 11;
const SHN_UNDEF = 0;

/**
 * The names a 64-bit little-endian ELF shared object exports: the defined entries of its dynamic
 * symbol table (.dynsym, with names in the string table its sh_link names), as `nm -D
 * --defined-only` lists them. Throws on anything else, so a test never passes on a file it
 * could not read.
 */
export function elfExports(path: string): string[] {
  const file = readFileSync(path);
  if (file.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${path} is not an ELF file`);
  if (file[4] !== 2 || file[5] !== 1) throw new Error(`${path} is not a 64-bit little-endian ELF file`);
  const sectionsAt = Number(file.readBigUInt64LE(0x28));
  const sectionSize = file.readUInt16LE(0x3a);
  const sectionCount = file.readUInt16LE(0x3c);
  const section = (index: number) => {
    const at = sectionsAt + index * sectionSize;
    return {
      type: file.readUInt32LE(at + 4),
      offset: Number(file.readBigUInt64LE(at + 0x18)),
      size: Number(file.readBigUInt64LE(at + 0x20)),
      link: file.readUInt32LE(at + 0x28),
      entrySize: Number(file.readBigUInt64LE(at + 0x38)),
    };
  };
  for (let index = 0; index < sectionCount; index++) {
    const symbols = section(index);
    if (symbols.type !== SHT_DYNSYM) continue;
    const strings = section(symbols.link);
    const names: string[] = [];
    for (let at = symbols.offset; at < symbols.offset + symbols.size; at += symbols.entrySize) {
      if (file.readUInt16LE(at + 6) === SHN_UNDEF) continue;
      const start = strings.offset + file.readUInt32LE(at);
      names.push(file.toString('latin1', start, file.indexOf(0, start)));
    }
    return names;
  }
  throw new Error(`${path} has no dynamic symbol table`);
}
