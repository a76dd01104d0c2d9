#!/usr/bin/env node
// Packs the benchmark CSVs into datasets/ as gzip files that ship inside the npm package.
//
//   node scripts/pack-datasets.mjs [sourceDir]      (default sourceDir: ../shared/datasets)
//
// What it does, and nothing more (the CSV bytes are not changed, so `gunzip` gives back the
// original files exactly):
//   stock_data.csv           → gzip -9 → datasets/stocks.csv.gz
//   energydata_complete.zip  → its single entry, energydata_complete.csv, is inflated with
//                              node:zlib inflateRaw (zip method 8) after reading the zip's
//                              central directory by hand; its CRC-32 and size are checked
//                              against the directory → gzip -9 → datasets/energy.csv.gz
//   text/coco_captions_train.txt, text/coco_captions_test.txt
//                           → gzip -9 → datasets/coco-train.txt.gz, datasets/coco-test.txt.gz
// gzip output is deterministic (node:zlib writes mtime 0), so rerunning changes nothing.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, gzipSync, inflateRawSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'datasets'));

/** The one file inside a single-entry zip archive, checked against its CRC-32 and size. */
function unzipSingleEntry(zip) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); // end of central directory
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const entries = zip.readUInt16LE(eocd + 10);
  if (entries !== 1) throw new Error(`expected one entry in the zip, found ${entries}`);
  const central = zip.readUInt32LE(eocd + 16);
  if (zip.readUInt32LE(central) !== 0x02014b50) throw new Error('bad central directory entry');
  const method = zip.readUInt16LE(central + 10);
  const crc = zip.readUInt32LE(central + 16);
  const compressedSize = zip.readUInt32LE(central + 20);
  const size = zip.readUInt32LE(central + 24);
  const nameLength = zip.readUInt16LE(central + 28);
  const name = zip.toString('utf8', central + 46, central + 46 + nameLength);
  const local = zip.readUInt32LE(central + 42);
  if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local file header');
  // the local header repeats name and extra field with its own lengths
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const packed = zip.subarray(start, start + compressedSize);
  let data;
  if (method === 8) data = inflateRawSync(packed);
  else if (method === 0) data = Buffer.from(packed);
  else throw new Error(`unsupported zip compression method ${method}`);
  if (data.length !== size) throw new Error(`${name}: inflated ${data.length} bytes, expected ${size}`);
  if (crc32(data) >>> 0 !== crc) throw new Error(`${name}: CRC-32 mismatch`);
  return { name, data };
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** gzip -9 `data` into datasets/`file` (temporary file, then rename). */
function pack(file, data, from) {
  const target = join(root, 'datasets', file);
  const gz = gzipSync(data, { level: 9 });
  writeFileSync(`${target}.tmp`, gz);
  renameSync(`${target}.tmp`, target);
  console.log(`${file}: ${from}, ${data.length} bytes (sha256 ${sha256(data)}) → ${gz.length} bytes gzip`);
}

const stocks = readFileSync(join(sourceDir, 'stock_data.csv'));
pack('stocks.csv.gz', stocks, 'stock_data.csv');

const energy = unzipSingleEntry(readFileSync(join(sourceDir, 'energydata_complete.zip')));
pack('energy.csv.gz', energy.data, `energydata_complete.zip!${energy.name}`);

// COCO captions (CC BY 4.0), one caption per line, as Texygen ships them.
pack('coco-train.txt.gz', readFileSync(join(sourceDir, 'text', 'coco_captions_train.txt')), 'text/coco_captions_train.txt');
pack('coco-test.txt.gz', readFileSync(join(sourceDir, 'text', 'coco_captions_test.txt')), 'text/coco_captions_test.txt');
