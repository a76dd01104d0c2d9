// The recurrent GAN as a registered model kind.
import type { DeepPartial } from '../../config.js';
import { defineKind } from '../common/model-kind.js';
import { RGAN_CONFIG, type RGANConfig } from './config.js';
import { RecurrentGAN } from './model.js';

export const RGAN_KIND = defineKind({
  name: RecurrentGAN.kind,
  description: 'recurrent GAN (RGAN, C-RNN-GAN and RCGAN options)',
  data: 'real-valued sequences',
  conditional: true,
  samples: "sequences decoded to the data's columns, units and labels, given condition values if conditional",
  schema: RGAN_CONFIG,
  create: (config) => new RecurrentGAN(config as DeepPartial<RGANConfig>),
  load: (dir) => RecurrentGAN.load(dir),
});
