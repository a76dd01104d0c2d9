// TimeGAN configurations per benchmark dataset, to be chosen by measurement; empty until then, so
// every dataset trains with the reference's defaults (DEFAULT_TIMEGAN_CONFIG, spec §7).
import type { DeepPartial } from '../../config.js';
import type { TimeGANConfig } from './config.js';

/** Config overrides by dataset name ('sines', 'stocks', 'energy'); add one once measured. */
export const TIMEGAN_PRESETS: Readonly<Record<string, DeepPartial<TimeGANConfig>>> = {};

/** The overrides for `dataset` (a copy), or none: the reference's defaults. */
export function fidelityPreset(dataset: string): DeepPartial<TimeGANConfig> {
  return { ...(TIMEGAN_PRESETS[dataset] ?? {}) };
}
