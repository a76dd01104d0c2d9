// Finds files shipped inside the package (the kernels' .wasm, built-in datasets), whether the
// code runs from src/ (tests) or from the compiled dist/src/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The directory holding this package's package.json. */
export function packageRoot(): string {
  if (root !== null) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'recurrent-gan') {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('recurrent-gan: cannot find the package root');
    dir = parent;
  }
}

/** A path inside the package, e.g. packagePath('build', 'kernels.wasm'). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/** The package version from package.json. */
export function packageVersion(): string {
  return JSON.parse(readFileSync(packagePath('package.json'), 'utf8')).version;
}
