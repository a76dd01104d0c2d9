import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/io/json-text.js';

describe('formatJson', () => {
  it('keeps short values on one line and indents long ones', () => {
    const text = formatJson({ a: 1, nested: { b: [1, 2] }, long: { text: 'x'.repeat(120) } });
    expect(text).toBe(`{\n  "a": 1,\n  "nested": {"b": [1, 2]},\n  "long": {\n    "text": "${'x'.repeat(120)}"\n  }\n}`);
  });

  it('puts a long array of numbers on one line', () => {
    const history = Array.from({ length: 1000 }, (_, i) => i / 7);
    expect(formatJson({ history }).split('\n')).toHaveLength(3);
  });

  it('parses back to what JSON.stringify would give, typed arrays as lists', () => {
    const value = { f: new Float32Array([0.5, 2]), n: NaN, u: undefined, s: 'é"\n', deep: [[{ x: null }]] };
    expect(JSON.parse(formatJson(value))).toEqual({ f: [0.5, 2], n: null, s: 'é"\n', deep: [[{ x: null }]] });
  });
});
