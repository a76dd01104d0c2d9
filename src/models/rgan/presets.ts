// Configurations chosen by measurement for known jobs; the demo trains with DEMO_PRESET.
import type { DeepPartial } from '../../config.js';
import type { RGANConfig } from './config.js';

/** The demo: sines, about a minute on a 2-core machine (see BENCHMARKS.md for its quality). */
export const DEMO_PRESET: { config: DeepPartial<RGANConfig>; iterations: number; sequences: number } = {
  // TimeGAN's moment loss keeps the generator's per-step mean and spread on the data's; without it
  // the GAN collapses to a few modes within this budget (measured: std off by 80–99%).
  config: { seed: 0, momentWeight: 1 },
  iterations: 1500,
  sequences: 1000,
};
