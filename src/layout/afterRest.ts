/**
 * Work a quick run of key presses would only throw away: a list filtered again for every chip the focus
 * passes, or searched again for every digit typed. The key itself shows at once (the chip's tint, the
 * digit); the expensive part runs once the keys have rested, for the last press only. Anything that needs
 * the result now (Down into the list, OK) calls flush() first.
 */
export class AfterRest {
  private timer: ReturnType<typeof setTimeout> | undefined
  private pending: (() => void) | undefined

  constructor(private readonly restMs: number) {}

  /** Runs `work` after restMs without another call; a later call replaces it. */
  schedule(work: () => void): void {
    this.cancel()
    this.pending = work
    this.timer = setTimeout(() => this.flush(), this.restMs)
  }

  /** Runs the waiting work now, if any; returns whether there was some. */
  flush(): boolean {
    const work = this.pending
    this.cancel()
    if (!work) return false
    work()
    return true
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    this.pending = undefined
  }

  get waiting(): boolean {
    return this.pending !== undefined
  }
}

/**
 * How long keys must rest before a chip's or a search's list is drawn: longer than the gap between two
 * presses of a viewer moving on (and the 33 ms of a held key), short enough to feel like an answer.
 */
export const LIST_REST_MS = 250
