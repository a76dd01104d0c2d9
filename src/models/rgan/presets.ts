// Configurations chosen by measurement for known jobs; the demo trains with DEMO_PRESET.
import type { DeepPartial } from '../../config.js';
import type { RGANConfig } from './config.js';

/** The demo: sines, about a minute on a 2-core machine (see BENCHMARKS.md for its quality). */
export const DEMO_PRESET: { config: DeepPartial<RGANConfig>; iterations: number; sequences: number } = {
  config: { seed: 0 },
  iterations: 600,
  sequences: 1000,
};
