#!/usr/bin/env node
// Generates assets/icon-{16,32,64,80}.png: a rounded teal square with a white check mark.
// Pure Node (zlib), no dependencies. Usage: node scripts/make-icons.js
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const BG = [0x10, 0x7c, 0x6f]; // teal
const FG = [0xff, 0xff, 0xff];

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

// Distance from point p to segment ab.
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Coverage (0..1) of pixel (x, y) for the shapes, supersampled 4x4 for anti-aliasing.
function pixel(size, x, y) {
  const r = size * 0.18; // corner radius
  const stroke = Math.max(1.2, size * 0.11);
  // check mark polyline in unit coords
  const pts = [
    [0.24, 0.52],
    [0.42, 0.7],
    [0.76, 0.32],
  ].map(([u, v]) => [u * size, v * size]);
  let bg = 0;
  let fg = 0;
  const N = 4;
  for (let sy = 0; sy < N; sy++) {
    for (let sx = 0; sx < N; sx++) {
      const px = x + (sx + 0.5) / N;
      const py = y + (sy + 0.5) / N;
      const cx = Math.min(Math.max(px, r), size - r);
      const cy = Math.min(Math.max(py, r), size - r);
      if (Math.hypot(px - cx, py - cy) <= r) {
        bg++;
        const d = Math.min(
          distToSegment(px, py, ...pts[0], ...pts[1]),
          distToSegment(px, py, ...pts[1], ...pts[2]),
        );
        if (d <= stroke / 2) fg++;
      }
    }
  }
  return { alpha: bg / (N * N), fg: bg ? fg / bg : 0 };
}

function makePng(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  let o = 0;
  for (let y = 0; y < size; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const { alpha, fg } = pixel(size, x, y);
      for (let c = 0; c < 3; c++) raw[o++] = Math.round(BG[c] * (1 - fg) + FG[c] * fg);
      raw[o++] = Math.round(alpha * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, makePng(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
