import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * The demo's only source of chance: a seeded xoroshiro128+ from pure-rand. Each part of the generator
 * (timeline, authors, mentions) gets its own stream, `jump()`ed far apart, so adding a draw in one part
 * never shifts the numbers another part sees.
 */
export class DemoRandom {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  /** pure-rand seeds from 32 bits; larger seeds are folded so that every bit still counts. */
  static fromSeed(seed: number): DemoRandom {
    const folded = (seed | 0) ^ Math.floor(seed / 2 ** 32);
    return new DemoRandom(xoroshiro128plus(folded));
  }

  /** Independent streams for the parts of the generator, in a fixed order. */
  streams(count: number): DemoRandom[] {
    const result: DemoRandom[] = [];
    const cursor = this.rng.clone();
    for (let i = 0; i < count; i++) {
      cursor.jump();
      result.push(new DemoRandom(cursor.clone()));
    }
    return result;
  }

  /** Uniform in [0, 1), 32 bits of resolution (plenty for a demo, and one draw instead of two). */
  float(): number {
    return (this.rng.next() >>> 0) * TWO_TO_MINUS_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.float() * values.length)] as T;
  }

  /** Standard normal (Box–Muller, one of the pair). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** Log-normal with the given median: most values near it, a long tail of large ones (followers, reach). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** Draws an index with probability proportional to its weight (cumulative table + binary search). */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += Math.max(0, weights[i] as number);
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new Error('a weighted choice needs at least one positive weight');
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  pick(random: DemoRandom): number {
    const target = random.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Weights 1/(rank+1)^s: a few very active authors and a long tail that posts once or twice. */
export function zipfWeights(count: number, exponent: number): Float64Array {
  const weights = new Float64Array(count);
  for (let rank = 0; rank < count; rank++) weights[rank] = 1 / Math.pow(rank + 1, exponent);
  return weights;
}
