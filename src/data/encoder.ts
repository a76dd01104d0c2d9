// DataEncoder: the data schema a model is trained on — feature and condition columns, their
// scaling ranges and one-hot layouts — serialisable to model.json, and able to encode conditions
// given at sampling time and decode generated windows back to the data's units and labels.
import { UserError } from '../errors.js';
import type { TypedColumn } from './columns.js';
import type { ColumnSpec } from './layout.js';
import { columnOffsets, decodeColumns, encodeColumns } from './layout.js';
import type { DecodedSamples } from './samples.js';
import { fitMinMax } from './scaler.js';
import { checkSchema } from './schema-check.js';

/** The plain-JSON form stored in model.json. */
export interface DataEncoderJSON {
  features: ColumnSpec[];
  conditions: ColumnSpec[];
}

/**
 * Encodes rows as [D] feature vectors and [C] condition vectors, and decodes them back.
 *
 * @example
 * const { encoder } = prepareDataset(source, { seqLen: 24, conditions: ['label'] });
 * const saved = JSON.stringify(encoder);                     // into model.json
 * const again = DataEncoder.fromJSON(JSON.parse(saved));
 * const c = again.encodeCondition({ label: 'walk' });        // Float32Array [C]
 * const samples = again.decodeWindows(generated, 24, conds); // original units and labels
 */
export class DataEncoder {
  /** D: slots per time step (numeric 1 each, categorical one per label). */
  readonly featureCount: number;
  /** C: slots per condition vector. */
  readonly conditionCount: number;

  constructor(
    readonly features: readonly ColumnSpec[],
    readonly conditions: readonly ColumnSpec[] = [],
  ) {
    this.featureCount = columnOffsets(features)[features.length];
    this.conditionCount = columnOffsets(conditions)[conditions.length];
  }

  /** Specs fitted on the training rows: numeric ranges over `rows`, categories as typed. */
  static fit(features: TypedColumn[], conditions: TypedColumn[], rows: Int32Array): DataEncoder {
    const spec = (column: TypedColumn): ColumnSpec =>
      column.kind === 'numeric'
        ? { name: column.name, kind: 'numeric', ...fitMinMax(column.values, rows) }
        : { name: column.name, kind: 'categorical', categories: column.categories };
    return new DataEncoder(features.map(spec), conditions.map(spec));
  }

  /** Rebuilds an encoder from toJSON's output; a malformed schema is a UserError. */
  static fromJSON(json: unknown): DataEncoder {
    const { features, conditions } = checkSchema(json);
    return new DataEncoder(features, conditions);
  }

  toJSON(): DataEncoderJSON {
    return structuredClone({ features: [...this.features], conditions: [...this.conditions] });
  }

  /** [rows.length, D]: the given rows of the feature columns (values as TypedColumn holds them). */
  encodeFeatureRows(values: Float64Array[], rows: Int32Array): Float32Array {
    return encodeColumns(this.features, values, rows);
  }

  /** [rows.length, C]: the given rows of the condition columns. */
  encodeConditionRows(values: Float64Array[], rows: Int32Array): Float32Array {
    return encodeColumns(this.conditions, values, rows);
  }

  /**
   * The [C] condition vector for values given by name, e.g. `{ label: 'walk', speed: 1.2 }`.
   * Every condition column must be given; an unknown column, a label not seen in training or a
   * non-number for a numeric column is a UserError (naming `flag` when given).
   */
  encodeCondition(record: Record<string, string | number>, flag?: string): Float32Array {
    const names = this.conditions.map((spec) => spec.name);
    for (const key of Object.keys(record)) {
      if (!names.includes(key)) {
        const known = names.length > 0 ? `the condition columns are ${names.join(', ')}` : 'the model has no condition columns';
        throw new UserError(`unknown condition column ${JSON.stringify(key)}; ${known}`, { flag });
      }
    }
    const values = this.conditions.map((spec) => Float64Array.of(conditionValue(spec, record[spec.name], flag)));
    return this.encodeConditionRows(values, Int32Array.of(0)); // one row: [C]
  }

  /**
   * Decodes generated windows, [N, length, D] in [0, 1] (and their [N, C] conditions when the
   * model has condition columns), into columns in the data's units; categorical by argmax.
   */
  decodeWindows(windows: Float32Array, length: number, conditions?: Float32Array): DecodedSamples {
    const rows = windows.length / this.featureCount;
    const count = rows / length;
    if (!Number.isInteger(count)) throw new Error(`decodeWindows: ${windows.length} values do not make windows of ${length} × ${this.featureCount}`);
    if (this.conditionCount > 0 && conditions?.length !== count * this.conditionCount) {
      throw new Error(`decodeWindows: expected ${count} × ${this.conditionCount} condition values, got ${conditions?.length ?? 'none'}`);
    }
    return {
      count,
      length,
      features: decodeColumns(this.features, windows, rows),
      conditions: conditions === undefined ? [] : decodeColumns(this.conditions, conditions, count),
    };
  }
}

/** A condition column's value as TypedColumn would hold it: a raw number or a category index. */
function conditionValue(spec: ColumnSpec, given: string | number | undefined, flag?: string): number {
  const column = JSON.stringify(spec.name);
  if (given === undefined) throw new UserError(`no value given for condition column ${column}`, { flag });
  if (spec.kind === 'categorical') {
    const index = spec.categories.indexOf(String(given).trim());
    if (index < 0) {
      const known = spec.categories.join(', ');
      throw new UserError(`condition ${column} never had the value ${JSON.stringify(String(given))} in training; its values are ${known}`, { flag });
    }
    return index;
  }
  const value = typeof given === 'number' ? given : given.trim() === '' ? NaN : Number(given);
  if (!Number.isFinite(value)) throw new UserError(`condition ${column} needs a number, got ${JSON.stringify(given)}`, { flag });
  return value;
}
