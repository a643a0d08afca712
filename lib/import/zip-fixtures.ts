/**
 * Hand-made zips for the tests and the bench of the zip budget (lib/import/zip-budget.ts): entries
 * deflated by node:zlib as a stream (a 400 MiB entry is never held whole), a writer whose
 * directory can declare other sizes than the data holds (a lying directory), and the two
 * decompression bombs of issue #13. Not used by the app.
 */
import { crc32, createDeflateRaw } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** The deflated bytes. */
  data: Buffer;
  crc: number;
  /** The inflated size the directory and local header declare. */
  size: number;
}

/** A deflated entry of `size` bytes of `fill` (or of `text`), streamed through zlib. */
export async function deflatedEntry(name: string, content: { size: number; fill: number } | { text: string }): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = 0;
  const write = async (part: Buffer) => {
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once("drain", resolve));
  };
  let size: number;
  if ("text" in content) {
    const bytes = Buffer.from(content.text, "utf8");
    await write(bytes);
    size = bytes.length;
  } else {
    const chunk = Buffer.alloc(1024 * 1024, content.fill);
    for (let written = 0; written < content.size; written += chunk.length) await write(chunk.subarray(0, Math.min(chunk.length, content.size - written)));
    size = content.size;
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), crc, size };
}

export interface ZipLayout {
  /** Entries the end record counts (default: all of them; fewer leaves records it does not count). */
  count?: number;
  /** Directory size the end record declares (default: the records written). */
  directorySize?: number;
}

/** A minimal zip (local headers, data, central directory, end record) of deflated entries. */
export function writeZip(entries: ZipEntry[], layout: ZipLayout = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const count = layout.count ?? entries.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(layout.directorySize ?? directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const BOMB_INFLATED = 400 * 1024 * 1024;

/** Issue #13's bomb: a small .xlsx whose sharedStrings.xml inflates to 400 MiB, declared honestly. */
export async function sharedStringsBomb(): Promise<Buffer> {
  return writeZip([await deflatedEntry("[Content_Types].xml", { size: 200, fill: 0x20 }), await deflatedEntry("xl/sharedStrings.xml", { size: BOMB_INFLATED, fill: 0x41 })]);
}

/** The same 400 MiB, but the directory and local header declare 1 KiB: the directory check alone lets it through. */
export async function lyingDirectoryBomb(): Promise<Buffer> {
  const bomb = await deflatedEntry("xl/sharedStrings.xml", { size: BOMB_INFLATED, fill: 0x41 });
  return writeZip([await deflatedEntry("[Content_Types].xml", { size: 200, fill: 0x20 }), { ...bomb, size: 1024 }]);
}
