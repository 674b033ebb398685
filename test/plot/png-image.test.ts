import { inflateSync } from "zlib";
import { palettePng } from "../../src/plot/png-image";

/** CRC-32 bit by bit (no table): an independent check of the encoder's table-driven CRC. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** The chunks of a PNG: type, data, and whether its CRC matches crc32 above. */
function chunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out: { type: string; data: Buffer; crcOk: boolean }[] = [];
  let o = 8;
  while (o < png.length) {
    const len = png.readUInt32BE(o);
    const type = png.toString("latin1", o + 4, o + 8);
    const data = png.subarray(o + 8, o + 8 + len);
    const crc = png.readUInt32BE(o + 8 + len);
    out.push({ type, data, crcOk: crc === crc32(png.subarray(o + 4, o + 8 + len)) });
    o += 12 + len;
  }
  return out;
}

describe("palettePng", () => {
  const palette: [number, number, number][] = [
    [68, 1, 84],
    [253, 231, 37],
    [0, 0, 0],
  ];
  const indices = new Uint8Array([0, 1, 2, 1, 0, 2]); // 3 × 2, row-major from the top
  const png = Buffer.from(palettePng(3, 2, indices, palette, 2), "base64");

  test("is a PNG: signature, IHDR 3 × 2 palette 8-bit, PLTE, tRNS, IDAT, IEND, every CRC right", () => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const c = chunks(png);
    expect(c.map((x) => x.type)).toEqual(["IHDR", "PLTE", "tRNS", "IDAT", "IEND"]);
    expect(c.every((x) => x.crcOk)).toBe(true);
    const ihdr = c[0].data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([3, 2, 8, 3]);
    expect(Array.from(c[1].data)).toEqual(palette.flat());
    expect(Array.from(c[2].data)).toEqual([255, 255, 0]); // entry 2 transparent
  });

  test("IDAT inflates (zlib, the oracle) to the rows, each behind filter byte 0", () => {
    const idat = chunks(png).find((x) => x.type === "IDAT")!.data;
    expect(Array.from(inflateSync(idat))).toEqual([0, 0, 1, 2, 0, 1, 0, 2]);
  });

  test("more than 65535 bytes of rows take several stored blocks and still inflate", () => {
    const w = 300;
    const h = 250; // 301 × 250 = 75250 bytes of rows: two stored blocks
    const big = new Uint8Array(w * h).map((_, k) => k % 3);
    const c = chunks(Buffer.from(palettePng(w, h, big, palette), "base64"));
    expect(c.map((x) => x.type)).toEqual(["IHDR", "PLTE", "IDAT", "IEND"]);
    const rows = inflateSync(c[2].data);
    expect(rows.length).toBe((w + 1) * h);
    expect(rows[(w + 1) * 100 + 1 + 7]).toBe((100 * w + 7) % 3);
  });
});
