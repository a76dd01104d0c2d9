// Euclidean distances between flattened sequences: the full pairwise matrix of a small sample,
// and exact nearest-neighbour search against a whole set with early abandoning.

/** Squared distances among `n` rows of `rows` [n, dim] → symmetric [n, n], zero diagonal. */
export function pairwiseSquaredDistances(rows: Float64Array, n: number, dim: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = i * dim;
    for (let j = i + 1; j < n; j++) {
      const b = j * dim;
      let s = 0;
      for (let k = 0; k < dim; k++) {
        const d = rows[a + k] - rows[b + k];
        s += d * d;
      }
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/**
 * For each query row of `queries` [q, dim], the Euclidean distance to its nearest row of
 * `reference` [r, dim]. `exclude[k]`, when given, is a reference row that query k may not match
 * (itself, for leave-one-out). Exact: a candidate is abandoned once its partial sum passes the
 * best so far, which skips most of each row on real data.
 */
export function nearestDistances(
  queries: Float64Array,
  reference: Float32Array,
  dim: number,
  exclude?: Int32Array,
): Float64Array {
  const q = queries.length / dim;
  const r = reference.length / dim;
  const out = new Float64Array(q);
  for (let k = 0; k < q; k++) {
    const a = k * dim;
    const skip = exclude === undefined ? -1 : exclude[k];
    let best = Infinity;
    for (let j = 0; j < r; j++) {
      if (j === skip) continue;
      const b = j * dim;
      let s = 0;
      for (let m = 0; m < dim && s < best; m++) {
        const d = queries[a + m] - reference[b + m];
        s += d * d;
      }
      if (s < best) best = s;
    }
    out[k] = Math.sqrt(best);
  }
  return out;
}
