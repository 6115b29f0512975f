#!/usr/bin/env node
// Renders resources/icon.svg to the PNGs electron-builder and the app use:
//   resources/icon.png            512x512 (win .ico and mac .icns are derived from it by electron-builder)
//   resources/icons/<N>x<N>.png   16..512 (the Linux icon set; electron-builder wants the size in the name)
// Needs rsvg-convert (Debian/Ubuntu: apt-get install -y librsvg2-bin; macOS: brew install librsvg).
// The PNGs are committed, so this only has to run after icon.svg changes: node scripts/make-icons.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const resources = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const source = path.join(resources, 'icon.svg');
const sizes = [16, 32, 48, 64, 128, 256, 512];

function render(size, output) {
  const r = spawnSync('rsvg-convert', ['--width', String(size), '--height', String(size), '--format', 'png', '--output', output, source], {
    encoding: 'utf8',
  });
  if (r.error?.code === 'ENOENT') {
    console.error('make-icons: rsvg-convert not found. Install it: apt-get install -y librsvg2-bin (macOS: brew install librsvg).');
    process.exit(1);
  }
  if (r.status !== 0) {
    console.error(`make-icons: rsvg-convert failed for ${size}px: ${r.stderr || r.error?.message}`);
    process.exit(1);
  }
  // Sanity check: a PNG whose IHDR says size x size.
  const head = fs.readFileSync(output).subarray(0, 24);
  if (head.toString('latin1', 1, 4) !== 'PNG' || head.readUInt32BE(16) !== size || head.readUInt32BE(20) !== size) {
    console.error(`make-icons: ${output} is not a ${size}x${size} PNG`);
    process.exit(1);
  }
  console.log(`make-icons: ${path.relative(process.cwd(), output)}`);
}

fs.mkdirSync(path.join(resources, 'icons'), { recursive: true });
for (const size of sizes) render(size, path.join(resources, 'icons', `${size}x${size}.png`));
render(512, path.join(resources, 'icon.png'));
