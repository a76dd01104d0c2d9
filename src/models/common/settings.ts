// The settings every model kind has, declared once: each kind's config schema uses these, so a
// flag means the same thing, with the same default and bounds, whichever kind it configures.
import { z } from 'zod';
import { setting } from '../../config.js';

export const CELLS = ['rnn', 'gru', 'lstm'] as const;
export type Cell = (typeof CELLS)[number];

/** Steps per sequence; `fit` sets it to the training windows' length. */
export const seqLen = setting(z.int().min(1).default(24), { description: 'steps per sequence', flag: '--seq-len', fromData: true });
/** Values per step (after one-hot encoding); `fit` sets it from the data. */
export const features = setting(z.int().min(0).default(0), { description: 'values per step', fromData: true });

export const cell = setting(z.enum(CELLS).default('gru'), { description: 'recurrent cell of every network', flag: '--cell' });
export const hidden = setting(z.int().min(1).default(24), { description: 'units per recurrent layer', flag: '--hidden' });
export const layers = setting(z.int().min(1).default(3), { description: 'stacked recurrent layers per network', flag: '--layers' });
export const batchSize = setting(z.int().min(1).default(128), { description: 'sequences per batch', flag: '--batch' });
export const learningRate = setting(z.number().positive().default(1e-3), { description: 'Adam learning rate of every network', flag: '--lr' });
export const discriminatorSteps = setting(z.int().min(1).default(1), { description: 'discriminator steps per training iteration', flag: '--d-steps' });
/** The generator is seeded with 32 bits. */
export const seed = setting(z.int().min(0).max(0xffffffff).default(0), {
  description: 'random seed below 2^32: the same seed and data give the same model',
  flag: '--seed',
});
