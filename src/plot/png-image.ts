import { base64 } from "./base64";

/** CRC-32 table (polynomial 0xEDB88320), as PNG chunks require. */
const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): number[] {
  const body = new Uint8Array(4 + data.length);
  for (let i = 0; i < 4; i++) body[i] = type.charCodeAt(i);
  body.set(data, 4);
  return [...u32(data.length), ...body, ...u32(crc32(body))];
}

/** A zlib stream of stored (uncompressed) deflate blocks: exact, tiny code, no zlib needed. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + raw.length + 5 * blocks + 4);
  out[0] = 0x78; // deflate, 32 KiB window
  out[1] = 0x01; // no preset dictionary, check bits
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535;
    const len = Math.min(65535, raw.length - start);
    out[o++] = b === blocks - 1 ? 1 : 0; // BFINAL, BTYPE = 00 (stored)
    out[o++] = len & 255;
    out[o++] = len >>> 8;
    out[o++] = ~len & 255;
    out[o++] = (~len >>> 8) & 255;
    out.set(raw.subarray(start, start + len), o);
    o += len;
  }
  out.set(u32(adler32(raw)), o);
  return out;
}

/**
 * A palette PNG (colour type 3, 8 bits) as base64: pixel (i, j) of row i from the top has colour
 * `palette[indices[i * width + j]]`; palette entry `transparent` (if given) is fully transparent.
 * Deterministic bytes, no compression (the renderer's heatmaps are a few thousand pixels). @internal
 * @see W3C, "Portable Network Graphics (PNG) Specification", 3rd ed., §11.2 (IHDR, PLTE, tRNS).
 */
export function palettePng(
  width: number,
  height: number,
  indices: Uint8Array,
  palette: readonly (readonly [number, number, number])[],
  transparent?: number,
): string {
  const raw = new Uint8Array((width + 1) * height);
  for (let i = 0; i < height; i++) {
    raw[i * (width + 1)] = 0; // filter type None
    raw.set(indices.subarray(i * width, (i + 1) * width), i * (width + 1) + 1);
  }
  const header = new Uint8Array([...u32(width), ...u32(height), 8, 3, 0, 0, 0]);
  const plte = new Uint8Array(palette.flatMap((c) => [c[0], c[1], c[2]]));
  const parts = [
    137,
    80,
    78,
    71,
    13,
    10,
    26,
    10,
    ...chunk("IHDR", header),
    ...chunk("PLTE", plte),
    ...(transparent === undefined
      ? []
      : chunk("tRNS", new Uint8Array(palette.map((_, k) => (k === transparent ? 0 : 255))))),
    ...chunk("IDAT", zlibStored(raw)),
    ...chunk("IEND", new Uint8Array(0)),
  ];
  return base64(new Uint8Array(parts));
}
