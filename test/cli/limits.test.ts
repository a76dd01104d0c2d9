// Inputs too large, too odd or hostile for the machine: each is refused through the CLI with one
// line (exit 1, no stack trace, nothing written), saying what the limit or the likely fix is.
import { cpSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryTerminal } from '../../src/cli/terminal.js';
import { MAX_CATEGORIES, MAX_INPUT_FILE_BYTES } from '../../src/data/limits.js';
import { CHECKSUM_FIELD, contentSha256 } from '../../src/io/content-checksum.js';
import { makeTempDir, writeFixture } from '../data/temp-files.js';

async function rgan(...argv: string[]) {
  const terminal = memoryTerminal();
  const code = await main(argv, terminal);
  return { code, stdout: terminal.stdout, stderr: terminal.stderr };
}

const TINY = ['--hidden', '4', '--layers', '1', '--batch', '4', '--noise-size', '2', '--iterations', '2'];

let dir: string;
let fresh = 0;
/** A path in the scratch directory that nothing has written. */
const unused = (ext = ''): string => join(dir, `never-${++fresh}${ext}`);

/** Runs `rgan train --data FILE` and returns its one-line message, checking exit 1 and no output. */
async function trainFails(data: string, ...flags: string[]): Promise<string> {
  const out = unused();
  const r = await rgan('train', '--data', data, '--seq-len', '2', '--out', out, ...TINY, ...flags);
  expectOneLineFailure(r);
  expect(existsSync(out)).toBe(false);
  return r.stderr.trimEnd();
}

function expectOneLineFailure(r: { code: number; stdout: string; stderr: string }): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
}

/** The parts of a saved rgan model's config that the tests below change. */
interface ModelConfig {
  seqLen: number;
  generator: { hidden: number };
}

/** A CSV from lines. */
const csvFile = (name: string, ...lines: string[]): string => writeFixture(dir, name, `${lines.join('\n')}\n`);

beforeAll(() => {
  dir = makeTempDir();
});

describe('input files are bounded', () => {
  it('refuses a file larger than the limit before reading it, giving its size and the limit', async () => {
    const big = writeFixture(dir, 'big.csv', 'x\n1\n');
    truncateSync(big, MAX_INPUT_FILE_BYTES + 1); // sparse: no disk is used
    expect(await trainFails(big)).toBe(
      `${big}: the file is 128.0 MiB; input files may hold at most 128.0 MiB (split the data, or leave out columns you do not need)`,
    );
  });

  it('stops decompressing at the limit: a small .gz that expands beyond it is refused', async () => {
    const bomb = writeFixture(dir, 'bomb.csv.gz', gzipSync(Buffer.alloc(MAX_INPUT_FILE_BYTES + 1, '1\n')));
    expect(readFileSync(bomb).length).toBeLessThan(1024 * 1024);
    expect(await trainFails(bomb)).toBe(`${bomb}: decompresses to more than 128.0 MiB, the most an input file may hold`);
  });
});

describe('columns are refused when they would become something else than meant', () => {
  it('refuses a text column with more distinct values than a categorical may have, suggesting --time', async () => {
    const rows = Array.from({ length: MAX_CATEGORIES + 44 }, (_, i) => `2020-01-01 ${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},${i}`);
    const dates = csvFile('dates.csv', 'date,x', ...rows);
    expect(await trainFails(dates)).toBe(
      `${dates}, column "date": the column has 300 distinct text values, more than the 256 a categorical column may have; if it holds dates or times, name it with --time; otherwise remove the column from the file`,
    );
    expect(await trainFails(dates, '--time', 'x', '--categorical', 'date')).toMatch(/column "date": the column has 300 distinct values, .*; leave it out of --categorical$/);
  });

  it.each([
    ['thousands separators', 'x,y\n1,"1,234"\n2,"2,345"\n', '"1,234" is a number written with a comma'],
    ['decimal commas', 'x;y\n1;1,5\n2;2,5\n', '"1,5" is a number written with a comma'],
    ['digits grouped by spaces', 'x,y\n1,1 234\n2,2 345\n', '"1 234" is a number with its digits grouped by spaces'],
    ['a number out of range', 'x,y\n1,1e400\n2,3\n', '"1e400" is out of range: numbers must lie within ±1.8e+308'],
  ])('names the row, column and value of %s, with the fix', async (_, text, problem) => {
    const file = writeFixture(dir, `${fresh++}.csv`, text);
    const message = await trainFails(file);
    expect(message.startsWith(`${file}, row 2, column "y": ${problem}`)).toBe(true);
    expect(message).toMatch(/--categorical if it holds labels\)$/);
  });

  it('names a NUL byte as a sign of a binary file, at its row and column', async () => {
    const file = writeFixture(dir, 'nul.csv', 'x,y\n1,2\n3,4\u00005\n');
    expect(await trainFails(file)).toBe(`${file}, row 3, column "y": the value "4\\u00005" holds a NUL byte: this looks like a binary file, not text`);
  });

  it('says that a JSON number out of range is out of range, not missing', async () => {
    const file = writeFixture(dir, 'huge.json', '[[[1], [1e400]]]');
    expect(await trainFails(file)).toBe(`${file}: sequence 0, step 1 holds a number out of range (beyond ±1.8e+308)`);
  });
});

describe('text files are UTF-8', () => {
  it.each([
    ['little-endian with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x,y\n1,2\n', 'utf16le')])],
    ['big-endian with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('x,y\n1,2\n', 'utf16le').swap16()])],
    ['without a byte-order mark', Buffer.from('x,y\n1,2\n3,4\n', 'utf16le')],
  ])('names UTF-16 %s', async (_, bytes) => {
    const file = writeFixture(dir, `utf16-${fresh++}.csv`, bytes);
    expect(await trainFails(file)).toBe(`${file}: the file is UTF-16 text; save it as UTF-8`);
    const json = writeFixture(dir, `utf16-${fresh++}.json`, bytes);
    expect(await trainFails(json)).toBe(`${json}: the file is UTF-16 text; save it as UTF-8`);
  });
});

describe('deeply nested JSON', () => {
  it('is a user error, not a stack overflow', async () => {
    const file = writeFixture(dir, 'deep.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(await trainFails(file)).toBe(
      `${file}: the JSON nests deeper than the 4 levels of a sequence file ({"sequences": [sequence [step [values]]]})`,
    );
  });
});

describe('model sizes are checked against the engine before anything is allocated', () => {
  let model: string;
  beforeAll(async () => {
    model = join(dir, 'model');
    const r = await rgan('train', '--data', 'sines', '--seq-len', '4', '--out', model, ...TINY);
    expect(r.code).toBe(0);
  });

  /** A copy of the trained model with `edit` applied to its model.json's config. */
  function editedModel(edit: (config: ModelConfig) => void): string {
    const copy = unused();
    cpSync(model, copy, { recursive: true });
    const description = JSON.parse(readFileSync(join(copy, 'model.json'), 'utf8'));
    edit(description.config);
    // a hostile file can carry a matching checksum: the size check must not rely on it
    description[CHECKSUM_FIELD] = contentSha256(description);
    writeFileSync(join(copy, 'model.json'), JSON.stringify(description));
    return copy;
  }

  it('refuses --hidden 100000 with the size it needs and what the engine can allocate', async () => {
    const out = unused();
    const r = await rgan('train', '--data', 'sines', '--hidden', '100000', '--out', out);
    expectOneLineFailure(r);
    expect(r.stderr).toMatch(
      /^the model does not fit in memory: the gru layers of 100,000 units \(values and gradients\) take 300,013,200,000 values \(1\.1 TiB\) with .* in use, and the engine can allocate at most 4\.0 GiB; use a smaller hidden size/,
    );
  });

  it('refuses generated data too large to hold, naming --seq-len', async () => {
    expect(await trainFails('sines', '--seq-len', '1000000000')).toMatch(/^--seq-len, sines: sines of 10,000 sequences × 1,000,000,000 steps × 5 features would hold .* values \(181\.9 TiB\), more than the 268,435,456 \(1\.0 GiB\) allowed; use a shorter --seq-len$/);
  });

  it.each([
    ['hidden 100,000', (c: ModelConfig) => (c.generator.hidden = 100_000), /the model does not fit in memory: the gru layers of 100,000 units/],
    ['seqLen 10⁹', (c: ModelConfig) => (c.seqLen = 1e9), /the model does not fit in memory: 1,000,000,000 steps × 5 values is 18\.6 GiB per sequence/],
  ])('refuses a model.json claiming %s when sampling', async (_, edit, message) => {
    const out = unused('.csv');
    const r = await rgan('sample', '--model', editedModel(edit), '--n', '2', '--out', out);
    expectOneLineFailure(r);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('messages', () => {
  it('suggest the nearest built-in dataset for a mistyped name', async () => {
    expect(await trainFails('sine')).toBe('no file or built-in dataset named "sine"; did you mean sines?');
    expect(await trainFails('Stock')).toBe('no file or built-in dataset named "Stock"; did you mean stocks?');
  });

  it('escape control characters in file names, column names and cells', async () => {
    const name = 'bad\nname\u001b[31m.csv';
    expect(await trainFails(join(dir, name))).toBe(`${join(dir, 'bad\\nname\\u001b[31m.csv')}: file not found`);
    const file = csvFile('controls.csv', 'x,"y\u0085"', '1,2', '3,a\u0007b');
    expect(await trainFails(file)).toBe(`${file}, row 3, column "y\\u0085": "a\\u0007b" is not a number, but the column's other cells are (declare the column categorical if it holds labels)`);
  });

  it('cut very long names and cells', async () => {
    const long = 'a'.repeat(10_000);
    const file = csvFile('long.csv', `x,${long}`, '1,2', `3,${long}`);
    const message = await trainFails(file);
    expect(message).toBe(`${file}, row 3, column "${'a'.repeat(79)}…": "${'a'.repeat(79)}…" is not a number, but the column's other cells are (declare the column categorical if it holds labels)`);
    const path = join(dir, 'p'.repeat(200), `${'q'.repeat(200)}.csv`);
    expect(await trainFails(path)).toBe(`…${'q'.repeat(75)}.csv: file not found`);
    const tooLong = join(dir, `${'p'.repeat(500)}.csv`);
    expect(await trainFails(tooLong)).toBe(`…${'p'.repeat(75)}.csv: cannot open the file: the name is too long (ENAMETOOLONG)`);
  });
});

describe('--json', () => {
  it('prints a failing command as one JSON object on stdout: message, place and exit code', async () => {
    const missing = unused('.csv');
    const r = await rgan('train', '--json', '--data', missing, '--out', unused());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { message: `${missing}: file not found`, place: { file: missing }, exitCode: 1 } });
  });

  it('names the row and column of a bad cell, and reports flag mistakes with their usage hint', async () => {
    const file = csvFile('json-bad.csv', 'x,y', '1,2', '3,"1,5"');
    const bad = await rgan('train', '--data', file, '--seq-len', '2', '--out', unused(), '--json');
    expect(JSON.parse(bad.stdout).error).toMatchObject({ place: { file, row: 3, column: 'y' }, exitCode: 1 });
    const flag = await rgan('info', '--json', '--model', 'x', '--modle');
    expect(flag.code).toBe(1);
    expect(JSON.parse(flag.stdout)).toEqual({
      error: { message: "unknown option '--modle' (Did you mean --model?)", place: {}, hint: "Run 'rgan info --help' for usage.", exitCode: 1 },
    });
  });
});
