// Reads that may overlap (a push, a click, a reconnect): only the answer of the latest read is shown.

export class LatestRead {
  private reads = 0;

  /** Reads, then shows the answer or the failure, unless a later read started (or cancel() ran) meanwhile. */
  async run<T>(read: () => Promise<T>, show: (answer: T) => void, fail: (failure: unknown) => void): Promise<void> {
    const mine = ++this.reads;
    let answer: T;
    try {
      answer = await read();
    } catch (failure) {
      if (mine === this.reads) {
        fail(failure);
      }
      return;
    }
    if (mine === this.reads) {
      show(answer);
    }
  }

  /** Drops the answers of the reads under way. */
  cancel(): void {
    this.reads++;
  }
}

/** A failure in words fit to show: API errors already are. */
export function reasonOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

/** Runs the call at most once per pause: a burst of calls becomes one, after the last of them. */
export function debounced(call: () => void, pauseMs: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    clearTimeout(timer);
    timer = setTimeout(call, pauseMs);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}
