// Test helper: a fresh temporary folder per test file, and writing fixture files into it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new empty folder under the system's temporary directory. */
export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rgan-data-'));
}

/** Writes `content` to `name` inside `dir` and returns the path. */
export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
