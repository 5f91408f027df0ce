/**
 * One HTTP exchange on an undici pool whose answer is read whole and parsed as JSON: what every
 * vendor call needs (vendor answers are small JSON documents).
 *
 * Why not `pool.request()` and `body.text()`: request() wraps each answer in a Node Readable
 * stream inside an AsyncResource, and body.text() reads that stream back. On the card page (131
 * vendor calls per operation) that machinery was ~15 % of the gateway's allocations. This handler
 * takes the chunks straight from undici's dispatcher API (`Dispatcher.dispatch`) instead.
 *
 * Why the answer is parsed here, and the handler lets go of what it read: a call waits ~20 ms for
 * its vendor, long enough for V8 to move the call's promise and handler to the old generation.
 * Whatever such an old object still points to when the call ends survives every young collection
 * until the next full one, so the JSON text (which nothing needs after parsing) would be copied and
 * promoted with it. The text only lives inside `onResponseEnd` (bench/RESULTS.md, ninth round).
 *
 * The call's deadline aborts the exchange like a `signal` would: at once when the request is on a
 * socket, or as soon as it reaches one when it is still queued in the pool (undici's own
 * `request()` behaves the same way).
 */
import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import type { CallDeadline } from './callDeadline';

export interface JsonAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The parsed body; undefined when the body is empty (or only whitespace) or is not JSON. */
  body: unknown;
  /** True when there was a body and it is not JSON. */
  malformed: boolean;
}

/** Sends `options` on `dispatcher`; resolves with the answer once it is complete, rejects on a transport failure or the deadline. */
export function exchangeJson(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, deadline: CallDeadline): Promise<JsonAnswer> {
  return new Promise<JsonAnswer>((resolve, reject) => {
    if (deadline.aborted) {
      reject(deadline.reason);
      return;
    }
    dispatcher.dispatch(options, new JsonAnswerHandler(resolve, reject, deadline));
  });
}

const NO_CHUNKS: readonly Buffer[] = Object.freeze([]);
const NO_HEADERS: IncomingHttpHeaders = Object.freeze({});

class JsonAnswerHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private headers = NO_HEADERS;
  private chunks: Buffer[] = [];
  private length = 0;
  private settled = false;
  private readonly onDeadline = (): void => this.controller?.abort(this.deadline.reason as Error);

  constructor(
    private readonly resolve: (answer: JsonAnswer) => void,
    private readonly reject: (error: unknown) => void,
    private readonly deadline: CallDeadline,
  ) {
    deadline.once('abort', this.onDeadline);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // The deadline passed while the request waited in the pool's queue.
    if (this.deadline.aborted) controller.abort(this.deadline.reason as Error);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    // 1xx informational answers come before the real one.
    if (statusCode < 200) return;
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  onResponseEnd(): void {
    if (this.settled) return;
    const answer: JsonAnswer = { status: this.status, headers: this.headers, body: undefined, malformed: false };
    const text = decodeUtf8(this.chunks, this.length);
    if (/\S/.test(text)) {
      try {
        answer.body = JSON.parse(text);
      } catch {
        answer.malformed = true;
      }
    }
    this.settle();
    this.resolve(answer);
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.settled) return;
    this.settle();
    this.reject(error);
  }

  /** Marks the exchange finished and lets go of the deadline and of what was read. */
  private settle(): void {
    this.settled = true;
    this.deadline.removeListener('abort', this.onDeadline);
    this.chunks = NO_CHUNKS as Buffer[];
    this.headers = NO_HEADERS;
    this.controller = undefined;
  }
}

/** The chunks as one UTF-8 string, without a byte order mark (as undici's `body.text()` reads them). */
function decodeUtf8(chunks: readonly Buffer[], length: number): string {
  if (length === 0) return '';
  const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
  const start = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  return buffer.toString('utf8', start);
}
