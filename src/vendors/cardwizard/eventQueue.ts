/**
 * A push-fed async iterator: the stream one subscriber reads. The producer pushes values and ends
 * the stream; the consumer (graphql-js / graphql-ws) pulls with next() and leaves with return(),
 * which tells the producer through `onLeave`. Values pushed before a next() are buffered in order.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private readonly waiting: Array<(result: IteratorResult<T>) => void> = [];
  private ended = false;
  private left = false;

  constructor(private readonly onLeave: () => void = () => {}) {}

  /** Delivers a value to the consumer (ignored once the stream has ended). */
  push(value: T): void {
    if (this.ended) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter({ value, done: false });
    else this.buffer.push(value);
  }

  /** Ends the stream from the producer's side: buffered values are still delivered, then done. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
  }

  get isEnded(): boolean {
    return this.ended;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The consumer leaves: the stream ends at once, buffered values are dropped, the producer is told once. */
  return(): Promise<IteratorResult<T>> {
    this.buffer.length = 0;
    this.end();
    if (!this.left) {
      this.left = true;
      this.onLeave();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
