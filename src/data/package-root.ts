// Files shipped inside the package's datasets/ folder (see ../package-root.ts for how the
// package folder is found from src/ or dist/src/).
import { packagePath } from '../package-root.js';

export { packageRoot } from '../package-root.js';

/** The path of a file in the package's datasets/ folder. */
export function datasetPath(file: string): string {
  return packagePath('datasets', file);
}
