// TimeGAN as a registered model kind; --preset starts from a benchmark dataset's measured config.
import { z } from 'zod';
import type { DeepPartial } from '../../config.js';
import { defineKind } from '../common/model-kind.js';
import { TIMEGAN_CONFIG, type TimeGANConfig } from './config.js';
import { TimeGAN } from './model.js';
import { fidelityPreset, TIMEGAN_PRESETS } from './presets.js';

export const TIMEGAN_KIND = defineKind({
  name: TimeGAN.kind,
  description: 'TimeGAN (Yoon et al. 2019): three phases of --iterations each',
  data: 'real-valued sequences',
  conditional: false,
  samples: "sequences decoded to the data's columns and units",
  schema: TIMEGAN_CONFIG,
  extraFlags: [
    {
      flag: '--preset',
      description: 'start from the configuration measured best on a benchmark dataset; other flags override it',
      schema: z.enum(Object.keys(TIMEGAN_PRESETS) as [string, ...string[]]),
      paths: [],
    },
  ],
  // the preset fills in only what the flags leave out
  configFromFlags: (values, fromFlags) => {
    const preset = values.get('--preset');
    return typeof preset === 'string' ? { ...fidelityPreset(preset), ...fromFlags } : fromFlags;
  },
  create: (config) => new TimeGAN(config as DeepPartial<TimeGANConfig>),
  load: (dir) => TimeGAN.load(dir),
});
