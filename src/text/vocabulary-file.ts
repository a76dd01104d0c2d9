// A vocabulary as a file of its own (`vocabulary.json`): written atomically, read back checked.
import { readInputFile } from '../data/input-file.js';
import { decodeText } from '../data/text.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { asUserError } from '../io/fs-errors.js';
import { formatJson } from '../io/json-text.js';
import type { Vocabulary } from './tokens.js';
import { vocabularyFromJson, vocabularyToJson } from './vocabulary.js';

/** Writes `vocabulary` to `path` as JSON {level, tokens}, atomically. */
export async function saveVocabulary(path: string, vocabulary: Vocabulary, flag?: string): Promise<void> {
  try {
    await writeFileAtomic(path, `${formatJson(vocabularyToJson(vocabulary))}\n`);
  } catch (e) {
    throw asUserError(e, 'write the vocabulary', { file: path, flag });
  }
}

/** The vocabulary saved at `path`; a missing, unreadable or malformed file is a UserError. */
export async function loadVocabulary(path: string, flag?: string): Promise<Vocabulary> {
  const text = decodeText(await readInputFile(path, flag), path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError('the vocabulary is not valid JSON', { file: path, flag });
  }
  return vocabularyFromJson(value, { file: path, flag });
}
