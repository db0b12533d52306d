/** sfc32's four state words: where a stream is (Random.state, Random.at). */
export type RandomState = readonly [number, number, number, number];

/**
 * Seeded randomness: one seed gives the same run. sfc32 (Small Fast Counter) —
 * 128-bit state, passes PractRand, and is a few lines of integer maths.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 expands the one seed into four state words
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /**
   * `out[i] = normal() · scale` for every i, the same numbers as that loop (and the stream
   * left where it would leave it), in one loop over local state: a fresh page's first model
   * draws ~67 000 of them in code not yet compiled, where the method calls and the doubles
   * they box cost 3–4× more time and most of the start-up's garbage collections.
   */
  fillNormal(out: Float32Array | Float64Array, scale = 1): void {
    let { a, b, c, d } = this;
    const twoPi = 2 * Math.PI;
    for (let i = 0; i < out.length; i++) {
      // next() inlined: u (drawn again while 0), then the angle's draw
      let u = 0;
      let angle = 0;
      for (let drawn = 0; drawn < 2;) {
        const t = (((a + b) >>> 0) + d) >>> 0;
        d = (d + 1) >>> 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) >>> 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) >>> 0;
        if (drawn === 1) angle = t / 4294967296;
        else if (t !== 0) u = t / 4294967296;
        else continue;
        drawn++;
      }
      out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(twoPi * angle) * scale;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** A stream at the same point as this one: both draw the same numbers from here on. */
  clone(): Random {
    return Random.at(this.state());
  }

  /** Puts this stream back to the point `saved` (a clone of it) is at. */
  rewindTo(saved: Random): void {
    this.moveTo(saved.state());
  }

  /** The stream's point as four words (for another thread to draw from the same point). */
  state(): RandomState {
    return [this.a, this.b, this.c, this.d];
  }

  /** Puts this stream at the point `state` (Random.state) names. */
  moveTo(state: RandomState): void {
    [this.a, this.b, this.c, this.d] = state;
  }

  /** A stream at the point `state` (Random.state) names. */
  static at(state: RandomState): Random {
    const random = Object.create(Random.prototype) as Random;
    random.moveTo(state);
    return random;
  }

  /** A fresh seed for a child stream, so that sub-systems don't share draws. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}
