/**
 * Sizes the chunks of a background job by how long the last one took, so each chunk holds the
 * engine's thread for about `targetMs`: an inbox call waiting between chunks is answered quickly,
 * whether a chunk is cheap (a field filter) or costly (re-analysing long posts).
 */
export class ChunkPacer {
  private current: number;

  constructor(
    first: number,
    private readonly targetMs = 40,
    private readonly min = 200,
    private readonly max = 200_000,
  ) {
    this.current = first;
  }

  get size(): number {
    return this.current;
  }

  /** The last chunk of `size` took `elapsedMs`: grow or shrink towards the target, at most 4× at a time. */
  took(elapsedMs: number): void {
    const factor = Math.min(4, Math.max(0.25, this.targetMs / Math.max(1, elapsedMs)));
    this.current = Math.round(Math.min(this.max, Math.max(this.min, this.current * factor)));
  }
}
