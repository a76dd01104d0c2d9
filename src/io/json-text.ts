// JSON text for files people read: a value that fits on a line stays on one, arrays of plain
// values always do (a loss history of 10,000 numbers is 1 line, not 10,000), others are indented.

const WIDTH = 100;

/**
 * `value` as JSON, with JSON.stringify's rules (toJSON, dropped undefined properties, NaN and
 * ±Infinity → null, BigInt and cycles throw) except that typed arrays become plain arrays.
 */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(value, typedArraysAsArrays);
  if (text === undefined) return 'null';
  return layout(JSON.parse(text), '');
}

function typedArraysAsArrays(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>);
  }
  return value;
}

function layout(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  const compact = oneLine(value);
  if (indent.length + compact.length <= WIDTH) return compact;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return compact;
    return `[\n${value.map((v) => inner + layout(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  const lines = keys.map((k) => `${inner}${JSON.stringify(k)}: ${layout(record[k], inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** `value` on one line, spaced for reading: {"a": 1, "b": [1, 2]}. */
function oneLine(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`);
  return `{${entries.join(', ')}}`;
}

/**
 * How deeply `value` nests arrays and objects (a number: 0, `[1]`: 1, `[[1]]`: 2), counted
 * without recursion so that 10,000 levels cannot overflow the stack; counting stops past `limit`.
 */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}
