// Typed arrays that double as they fill: the fits collect numbers by the hundred thousand, and a
// typed array keeps them flat and out of the garbage collector's way where a plain array of
// numbers would not.

export class GrowingInts {
  data: Int32Array;
  length = 0;
  constructor(size = 16) {
    this.data = new Int32Array(Math.max(size, 16));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  /** a copy of what was pushed, exactly as long */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
  /** what was pushed, as a view of the storage (no copy; valid until the next push) */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowingFloats {
  data: Float64Array;
  length = 0;
  constructor(size = 16) {
    this.data = new Float64Array(Math.max(size, 16));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  /** a copy of what was pushed, exactly as long */
  done(): Float64Array {
    return this.data.slice(0, this.length);
  }
  /** what was pushed, as a view of the storage (no copy; valid until the next push) */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
