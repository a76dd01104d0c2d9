// Writing token sequences (generated text) to a file, chosen by its extension, atomically:
//   .txt    one line per sequence: its tokens up to <eos>, joined by the level's separator (a
//           line break inside a sequence, possible only in char-level JSON text, becomes a space)
//   .jsonl  one JSON object per sequence, {"text": "…"}, with "label" when the text is conditional
//   .json   token ids: {"vocabulary": {level, tokens}, "seqLen": T, "ids": [[…], …]} with each
//           sequence's ids up to its <eos> included, and "labels" {name, values, ids} if any
//   .npy    int32 [sequences, seqLen], padded with <pad> (0)
import { extname } from 'node:path';
import { npyHeader } from '../data/npy.js';
import { UserError } from '../errors.js';
import { assertParentDirectory, writeFileAtomic } from '../io/atomic-write.js';
import { asUserError } from '../io/fs-errors.js';
import { sequenceText } from './sequences.js';
import { EOS, PAD, type TokenSequences } from './tokens.js';
import { vocabularyToJson } from './vocabulary.js';

export const TEXT_SAMPLE_EXTENSIONS = ['.txt', '.jsonl', '.json', '.npy'] as const;

/** Sequences per written piece: the file is produced in pieces, never as one huge string. */
const CHUNK = 1024;

/**
 * Writes `sequences` to `path` in the format its extension names. An unknown extension or a
 * missing directory is a UserError naming `flag`; no partial file is ever left.
 *
 * @example
 * await writeTextSamples('out/samples.txt', generated, { flag: '--out' });
 */
export async function writeTextSamples(path: string, sequences: TokenSequences, options: { flag?: string } = {}): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (!(TEXT_SAMPLE_EXTENSIONS as readonly string[]).includes(extension)) {
    const problem = `cannot write text samples as ${JSON.stringify(extension || '(no extension)')}; use ${TEXT_SAMPLE_EXTENSIONS.join(', ')}`;
    throw new UserError(problem, { file: path, flag: options.flag });
  }
  await assertParentDirectory(path, options.flag);
  const chunks = extension === '.txt' ? textLines(sequences) : extension === '.jsonl' ? jsonLines(sequences) : extension === '.json' ? idsJson(sequences) : idsNpy(sequences);
  try {
    await writeFileAtomic(path, chunks);
  } catch (e) {
    throw asUserError(e, 'write the samples', { file: path, flag: options.flag });
  }
}

/** The .txt text of the sequences, one line each. */
export function* textLines(sequences: TokenSequences): Generator<string> {
  for (let first = 0; first < sequences.count; first += CHUNK) {
    let text = '';
    for (let n = first; n < Math.min(first + CHUNK, sequences.count); n++) text += `${sequenceText(sequences, n).replace(/\r\n|[\r\n]/g, ' ')}\n`;
    yield text;
  }
}

/** The JSON-lines text: {"text"} or {"text", "label"} per sequence. */
export function* jsonLines(sequences: TokenSequences): Generator<string> {
  const { labels } = sequences;
  for (let first = 0; first < sequences.count; first += CHUNK) {
    let text = '';
    for (let n = first; n < Math.min(first + CHUNK, sequences.count); n++) {
      const record = labels === undefined ? { text: sequenceText(sequences, n) } : { text: sequenceText(sequences, n), [labels.name === 'text' ? 'label' : labels.name]: labels.values[labels.ids[n]] };
      text += `${JSON.stringify(record)}\n`;
    }
    yield text;
  }
}

/** The .json document of token ids, each sequence up to its <eos>. */
function* idsJson(sequences: TokenSequences): Generator<string> {
  const { seqLen, count, ids, labels } = sequences;
  yield `{"vocabulary": ${JSON.stringify(vocabularyToJson(sequences.vocabulary))},\n "seqLen": ${seqLen},\n "ids": [`;
  for (let first = 0; first < count; first += CHUNK) {
    const rows: string[] = [];
    for (let n = first; n < Math.min(first + CHUNK, count); n++) rows.push(`[${Array.from(ids.subarray(n * seqLen, n * seqLen + usedLength(sequences, n))).join(',')}]`);
    yield (first === 0 ? '\n  ' : ',\n  ') + rows.join(',\n  ');
  }
  const labelPart = labels === undefined ? '' : `,\n "labels": ${JSON.stringify({ name: labels.name, values: labels.values, ids: Array.from(labels.ids) })}`;
  yield `\n ]${labelPart}}\n`;
}

/** Ids of sequence `n` up to and including its <eos> (all seqLen when it has none). */
function usedLength({ ids, seqLen }: TokenSequences, n: number): number {
  for (let t = 0; t < seqLen; t++) {
    const id = ids[n * seqLen + t];
    if (id === EOS) return t + 1;
    if (id === PAD) return t;
  }
  return seqLen;
}

/** The .npy bytes: int32 [count, seqLen], little-endian. */
function* idsNpy({ count, seqLen, ids }: TokenSequences): Generator<Uint8Array> {
  yield npyHeader([count, seqLen], '<i4');
  const bytes = new Uint8Array(ids.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < ids.length; i++) view.setInt32(i * 4, ids[i], true);
  yield bytes;
}
