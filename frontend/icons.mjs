// Draws Haven's own icons (a white "H" on GOV.UK brand blue) so Haven ships no crown.
// Usage: node icons.mjs <assets-dir>   (writes images/*.png|svg|ico and manifest.json)
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const BLUE = [0x1d, 0x70, 0xb8];
const WHITE = [0xff, 0xff, 0xff];
// The "H", as rectangles [x0, y0, x1, y1] in a unit square.
const STROKES = [
  [0.26, 0.2, 0.4, 0.8],
  [0.6, 0.2, 0.74, 0.8],
  [0.4, 0.44, 0.6, 0.56],
];

const inH = (x, y) => STROKES.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0]; // no filter
    for (let x = 0; x < size; x++) {
      row.push(...(inH((x + 0.5) / size, (y + 0.5) / size) ? WHITE : BLUE));
    }
    rows.push(Buffer.from(row));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function ico(size) {
  // One PNG-compressed image in an ICO container (supported by every current browser).
  const image = png(size);
  const dir = Buffer.alloc(22);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(1, 4); // one image
  dir[6] = size;
  dir[7] = size;
  dir.writeUInt16LE(1, 10); // colour planes
  dir.writeUInt16LE(32, 12); // bits per pixel
  dir.writeUInt32LE(image.length, 14);
  dir.writeUInt32LE(22, 18);
  return Buffer.concat([dir, image]);
}

function svg(fill, background) {
  const rects = STROKES.map(
    ([x0, y0, x1, y1]) =>
      `<rect x="${x0 * 32}" y="${y0 * 32}" width="${((x1 - x0) * 32).toFixed(2)}" height="${((y1 - y0) * 32).toFixed(2)}"/>`,
  ).join("");
  const back = background ? `<rect width="32" height="32" fill="${background}"/>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${back}<g fill="${fill}">${rects}</g></svg>\n`;
}

const assets = process.argv[2];
if (!assets) throw new Error("usage: node icons.mjs <assets-dir>");
const images = join(assets, "images");
mkdirSync(images, { recursive: true });
writeFileSync(join(images, "favicon.ico"), ico(48));
writeFileSync(join(images, "favicon.svg"), svg("#fff", "#1d70b8"));
writeFileSync(join(images, "haven-icon-mask.svg"), svg("#000", null));
for (const size of [180, 192, 512]) writeFileSync(join(images, `haven-icon-${size}.png`), png(size));
const manifest = {
  name: "Haven",
  short_name: "Haven",
  icons: [
    { src: "images/favicon.ico", type: "image/x-icon", sizes: "48x48" },
    { src: "images/favicon.svg", type: "image/svg+xml", sizes: "150x150", purpose: "any" },
    { src: "images/haven-icon-180.png", type: "image/png", sizes: "180x180", purpose: "maskable" },
    { src: "images/haven-icon-192.png", type: "image/png", sizes: "192x192", purpose: "maskable" },
    { src: "images/haven-icon-512.png", type: "image/png", sizes: "512x512", purpose: "maskable" },
    { src: "images/haven-icon-mask.svg", type: "image/svg+xml", sizes: "150x150", purpose: "monochrome" },
  ],
};
writeFileSync(join(assets, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
