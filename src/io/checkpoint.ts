// Where training checkpoints live. A checkpoint is an ordinary model directory (same format,
// same loader) inside the output directory it belongs to:
//
//   <out>/model.json, <out>/weights.bin                    the model, as `rgan sample` reads it
//   <out>/checkpoint/model.json, <out>/checkpoint/weights.bin  the latest resumable state
//
// The checkpoint's tensors are the model's plus its optimizers' state (Adam's moments, named
// `adam.<optimizer>.m.<i>` and `adam.<optimizer>.v.<i>`, e.g. `adam.generator.m.0`; a TimeGAN
// with weight averaging adds `average.<parameter>`), and its `training` section holds what a
// resume needs (iterations done, the random generator's state, the loss history, the optimizers'
// step counts), covered by model.json's content checksum like the rest. Each save replaces the
// previous checkpoint with the crash safety of saveModelDirectory, so there is one, always
// loadable. Saving the model into <out> leaves <out>/checkpoint/ alone, and the reverse.
import { join } from 'node:path';
import { isModelDirectory } from './model-directory.js';

/** The name of the checkpoint subdirectory of an output directory. */
export const CHECKPOINT_DIRECTORY = 'checkpoint';

/** The model directory holding `outDir`'s checkpoint: `<outDir>/checkpoint`. */
export function checkpointPath(outDir: string): string {
  return join(outDir, CHECKPOINT_DIRECTORY);
}

/** Whether `outDir` holds a checkpoint to resume from. */
export async function hasCheckpoint(outDir: string): Promise<boolean> {
  return isModelDirectory(checkpointPath(outDir));
}
