import { describe, expect, it } from 'vitest';
import { DataEncoder, parseTable, prepareDataset } from '../../src/data/index.js';

const source = parseTable(
  ['temp,mode,label,speed', '10,walk,calm,1', '20,run,calm,2', '15,walk,busy,3', '30,run,busy,5'].join('\n'),
  'trips.csv',
);
const trained = prepareDataset(source, { seqLen: 2, conditions: ['label', 'speed'] });

describe('DataEncoder', () => {
  it('survives a trip through JSON, as it would through model.json', () => {
    const saved = JSON.parse(JSON.stringify(trained.encoder));
    expect(saved).toEqual({
      features: [
        { name: 'temp', kind: 'numeric', min: 10, max: 30 },
        { name: 'mode', kind: 'categorical', categories: ['run', 'walk'] },
      ],
      conditions: [
        { name: 'label', kind: 'categorical', categories: ['busy', 'calm'] },
        { name: 'speed', kind: 'numeric', min: 1, max: 5 },
      ],
    });
    const again = DataEncoder.fromJSON(saved);
    expect([again.featureCount, again.conditionCount]).toEqual([3, 3]);
    expect(again.toJSON()).toEqual(saved);
  });

  it('decodes windows back to data units and labels, categorical by argmax', () => {
    const decoded = trained.encoder.decodeWindows(trained.windows, 2, trained.conditionValues);
    expect([decoded.count, decoded.length]).toEqual([3, 2]);
    const [temp, mode] = decoded.features;
    expect(Array.from(temp.values).map((v) => +v.toFixed(4))).toEqual([10, 20, 20, 15, 15, 30]);
    expect(mode.kind === 'categorical' && Array.from(mode.values, (i) => mode.categories[i])).toEqual(['walk', 'run', 'run', 'walk', 'walk', 'run']);
    const [label, speed] = decoded.conditions;
    expect(label.kind === 'categorical' && Array.from(label.values, (i) => label.categories[i])).toEqual(['calm', 'calm', 'busy']);
    expect(Array.from(speed.values).map((v) => +v.toFixed(4))).toEqual([1, 2, 3]);

    // a generator's soft output: the largest slot wins
    const soft = Float32Array.of(0.5, 0.4, 0.45);
    const one = trained.encoder.decodeWindows(soft, 1, Float32Array.of(0.2, 0.1, 1.25));
    expect(one.features[1].values[0]).toBe(1); // walk
    expect(one.conditions[1].values[0]).toBeCloseTo(6); // extrapolates, not clamped
  });

  it('encodes a condition given at sampling time', () => {
    expect(Array.from(trained.encoder.encodeCondition({ label: 'busy', speed: 3 }))).toEqual([1, 0, 0.5]);
    expect(Array.from(trained.encoder.encodeCondition({ label: ' calm ', speed: '5' }))).toEqual([0, 1, 1]);
  });

  it('refuses a condition value never seen, an unknown or missing column, or a non-number', () => {
    const encode = (record: Record<string, string | number>) => () => trained.encoder.encodeCondition(record, '--condition');
    expect(encode({ label: 'wild', speed: 1 })).toThrow(
      '--condition: condition "label" never had the value "wild" in training; its values are busy, calm',
    );
    expect(encode({ label: 'calm', speed: 1, colour: 'red' })).toThrow(
      '--condition: unknown condition column "colour"; the condition columns are label, speed',
    );
    expect(encode({ label: 'calm' })).toThrow('--condition: no value given for condition column "speed"');
    expect(encode({ label: 'calm', speed: 'fast' })).toThrow('--condition: condition "speed" needs a number, got "fast"');
    const plain = prepareDataset(source, { seqLen: 1 }).encoder;
    expect(() => plain.encodeCondition({ label: 'calm' })).toThrow('the model has no condition columns');
  });

  it('rejects a malformed schema with a UserError', () => {
    const bad = (json: unknown) => () => DataEncoder.fromJSON(json);
    expect(bad(null)).toThrow(/invalid data schema/);
    expect(bad({ features: [] })).toThrow('"features" must be a non-empty array');
    expect(bad({ features: [{ name: 'x', kind: 'numeric', min: 2, max: 1 }] })).toThrow('needs finite min ≤ max');
    expect(bad({ features: [{ name: 'x', kind: 'categorical', categories: ['a', 'a'] }] })).toThrow('repeats a category');
    expect(bad({ features: [{ name: 'x', kind: 'text' }] })).toThrow('has kind "text"');
    expect(bad({ features: [{ name: 'x', kind: 'numeric', min: 0, max: 1 }], conditions: [{ name: 'x', kind: 'numeric', min: 0, max: 1 }] })).toThrow(
      'column "x" appears twice',
    );
  });

  it('maps a constant column to 0 and back to its value', () => {
    const flat = prepareDataset(parseTable('x,y\n7,1\n7,2\n', 'flat.csv'), { seqLen: 2 });
    expect(Array.from(flat.windows)).toEqual([0, 0, 0, 1]);
    expect(Array.from(flat.encoder.decodeWindows(flat.windows, 2).features[0].values)).toEqual([7, 7]);
  });
});
