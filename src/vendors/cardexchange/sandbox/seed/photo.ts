/**
 * Small but real PNG portraits (a head-and-shoulders silhouette on a coloured background) for the
 * persons' base64 `photo`, so clients can decode and display them. Built with node:zlib; a few
 * colour variants are made once and shared, which keeps the store small.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 32;

type Rgb = readonly [number, number, number];

const PALETTES: ReadonlyArray<{ background: Rgb; figure: Rgb }> = [
  { background: [173, 216, 230], figure: [70, 90, 120] },
  { background: [240, 220, 180], figure: [120, 85, 60] },
  { background: [200, 230, 200], figure: [60, 100, 70] },
  { background: [230, 200, 220], figure: [110, 60, 90] },
  { background: [220, 220, 220], figure: [80, 80, 80] },
  { background: [250, 235, 200], figure: [150, 110, 50] },
];

const cache = new Map<number, string>();

/** A base64 PNG for the given variant number (any integer). */
export function portraitPng(variant: number): string {
  const index = Math.abs(variant) % PALETTES.length;
  let png = cache.get(index);
  if (!png) {
    png = encodePng(portraitPixels(PALETTES[index]!)).toString('base64');
    cache.set(index, png);
  }
  return png;
}

function portraitPixels({ background, figure }: { background: Rgb; figure: Rgb }): Buffer {
  // One filter byte (0 = none) per scanline, then RGB triples.
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 3));
  for (let y = 0; y < SIZE; y += 1) {
    const row = y * (1 + SIZE * 3);
    for (let x = 0; x < SIZE; x += 1) {
      const head = (x - 16) ** 2 + (y - 12) ** 2 <= 40;
      const shoulders = y >= 21 && (x - 16) ** 2 / 144 + (y - 32) ** 2 / 100 <= 1;
      const [r, g, b] = head || shoulders ? figure : background;
      rows.writeUInt8(r, row + 1 + x * 3);
      rows.writeUInt8(g, row + 2 + x * 3);
      rows.writeUInt8(b, row + 3 + x * 3);
    }
  }
  return rows;
}

function encodePng(scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}
