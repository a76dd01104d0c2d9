// TimeGAN's five networks (docs/TIMEGAN.md §6.2), each a RecurrentNetwork with TF1's initial
// weights and a Dense head at every step; all but the discriminator end in a sigmoid.
//
//   embedder      X [B,T,D] → H [B,T,H]     recovery   H → X̃ [B,T,D]
//   generator     Z [B,T,D] → Ê [B,T,H]     supervisor H → Ĥ [B,T,H]  (L − 1 layers, ≥ 1)
//   discriminator H → logits [B,T,1]
import type { Engine } from '../../engine/engine.js';
import type { Random } from '../../engine/random.js';
import { RecurrentNetwork, type RecurrentNetworkConfig } from '../common/recurrent-network.js';
import { supervisorLayers, type TimeGANConfig } from './config.js';
import { initRecurrentTf1 } from './tf1-init.js';

export { namedNetworkParameters } from '../common/recurrent-network.js';

export const NETWORK_NAMES = ['embedder', 'recovery', 'generator', 'supervisor', 'discriminator'] as const;
export type NetworkName = (typeof NETWORK_NAMES)[number];
export type TimeGANNetworks = Record<NetworkName, RecurrentNetwork>;

/** The five networks, initialised in NETWORK_NAMES order from `rng` (the Dense heads: Glorot-uniform, zero bias, as TF1's fully_connected). */
export function buildNetworks(engine: Engine, config: TimeGANConfig, rng: Random): TimeGANNetworks {
  const { cell, features: d, hidden: h, layers } = config;
  const net = (inputs: number, outputs: number, depth: number, output: RecurrentNetworkConfig['output']): RecurrentNetwork =>
    new RecurrentNetwork(engine, { cell, inputs, hidden: h, layers: depth, outputs, output }, rng, initRecurrentTf1);
  return {
    embedder: net(d, h, layers, 'sigmoid'),
    recovery: net(h, d, layers, 'sigmoid'),
    generator: net(d, h, layers, 'sigmoid'), // z_dim = D
    supervisor: net(h, h, supervisorLayers(config), 'sigmoid'),
    discriminator: net(h, 1, layers, 'linear'),
  };
}
