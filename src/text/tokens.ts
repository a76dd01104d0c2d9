// Token sequences: what the text tokenizers produce and what token models (seqgan) train on.
// Ids are indices into the vocabulary; the first three ids are reserved, so every vocabulary
// starts with them in this order.

/** Pads a sequence after its end; never generated, never scored. */
export const PAD = 0;
/** Ends a sequence; generated like any other token. */
export const EOS = 1;
/** Stands for a token outside the vocabulary (past its cap, or unseen in training). */
export const UNK = 2;

export const RESERVED_TOKENS = ['<pad>', '<eos>', '<unk>'] as const;

export type TokenLevel = 'char' | 'word';

export interface Vocabulary {
  readonly level: TokenLevel;
  /** id → token; tokens[PAD], tokens[EOS] and tokens[UNK] are the reserved ones. */
  readonly tokens: readonly string[];
}

/** Per-sequence labels for conditional text (a model of Pr(text | label)). */
export interface TokenLabels {
  /** The column or JSON key the labels came from, e.g. "label". */
  readonly name: string;
  /** id → label text. */
  readonly values: readonly string[];
  /** count label ids, one per sequence. */
  readonly ids: Int32Array;
}

/** count sequences of at most seqLen tokens each, <eos> included, padded with PAD after it. */
export interface TokenSequences {
  readonly vocabulary: Vocabulary;
  readonly seqLen: number;
  readonly count: number;
  /** count × seqLen ids, row-major. */
  readonly ids: Int32Array;
  /** Tokens per sequence, its <eos> included (a window cut from running text has none: its length is seqLen). */
  readonly lengths: Int32Array;
  readonly labels?: TokenLabels;
}
