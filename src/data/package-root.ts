// Finding files shipped inside the package (datasets/) at run time. This module runs from
// src/data/*.ts under vitest and from dist/src/data/*.js when compiled, at different depths, so
// instead of a fixed relative URL it walks up from its own location to the folder whose
// package.json is named "recurrent-gan".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'recurrent-gan';
let root: string | undefined;

/** The package's root folder (holding package.json, datasets/, dist/). */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isPackageRoot(dir)) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package folder above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

function isPackageRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** The path of a file in the package's datasets/ folder. */
export function datasetPath(file: string): string {
  return join(packageRoot(), 'datasets', file);
}
