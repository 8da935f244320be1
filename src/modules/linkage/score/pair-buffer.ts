/**
 * Scored pairs in columns: record indices, total match weight, and per field the level and its
 * weight (pairs x fields). Grows by doubling while a chunk is scored.
 */
export interface PairColumns {
  count: number;
  fieldCount: number;
  left: Int32Array;
  right: Int32Array;
  weight: Float64Array;
  levels: Int8Array;
  fieldWeights: Float32Array;
}

function enlarge<T extends Int32Array | Float64Array | Int8Array | Float32Array>(old: T, size: number): T {
  const out = new (old.constructor as new (length: number) => T)(size);
  out.set(old);
  return out;
}

export class PairBuffer {
  private data: PairColumns;

  constructor(fieldCount: number, capacity = 1024) {
    this.data = {
      count: 0,
      fieldCount,
      left: new Int32Array(capacity),
      right: new Int32Array(capacity),
      weight: new Float64Array(capacity),
      levels: new Int8Array(capacity * fieldCount),
      fieldWeights: new Float32Array(capacity * fieldCount),
    };
  }

  push(
    i: number,
    j: number,
    weight: number,
    levels: ArrayLike<number>,
    fieldWeights: ArrayLike<number>,
  ): void {
    if (this.data.count === this.data.left.length) this.grow();
    const d = this.data;
    d.left[d.count] = i;
    d.right[d.count] = j;
    d.weight[d.count] = weight;
    const base = d.count * d.fieldCount;
    for (let f = 0; f < d.fieldCount; f++) {
      d.levels[base + f] = levels[f] as number;
      d.fieldWeights[base + f] = fieldWeights[f] as number;
    }
    d.count++;
  }

  private grow(): void {
    const d = this.data;
    const capacity = d.left.length * 2;
    this.data = {
      count: d.count,
      fieldCount: d.fieldCount,
      left: enlarge(d.left, capacity),
      right: enlarge(d.right, capacity),
      weight: enlarge(d.weight, capacity),
      levels: enlarge(d.levels, capacity * d.fieldCount),
      fieldWeights: enlarge(d.fieldWeights, capacity * d.fieldCount),
    };
  }

  /** The pairs, trimmed to their count. */
  finish(): PairColumns {
    const d = this.data;
    return {
      count: d.count,
      fieldCount: d.fieldCount,
      left: d.left.slice(0, d.count),
      right: d.right.slice(0, d.count),
      weight: d.weight.slice(0, d.count),
      levels: d.levels.slice(0, d.count * d.fieldCount),
      fieldWeights: d.fieldWeights.slice(0, d.count * d.fieldCount),
    };
  }
}

/** Concatenates pair columns in the given order. */
export function concatPairs(parts: readonly PairColumns[], fieldCount: number): PairColumns {
  const buffer = new PairBuffer(
    fieldCount,
    Math.max(
      1,
      parts.reduce((n, p) => n + p.count, 0),
    ),
  );
  for (const part of parts) {
    for (let k = 0; k < part.count; k++) {
      const base = k * fieldCount;
      buffer.push(
        part.left[k] as number,
        part.right[k] as number,
        part.weight[k] as number,
        part.levels.subarray(base, base + fieldCount),
        part.fieldWeights.subarray(base, base + fieldCount),
      );
    }
  }
  return buffer.finish();
}
