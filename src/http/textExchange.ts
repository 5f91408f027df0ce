/**
 * One HTTP exchange on an undici pool whose answer is read whole, as text: what every vendor call
 * needs (vendor answers are small JSON documents).
 *
 * `pool.request()` would wrap each answer in a Node Readable stream inside an AsyncResource, and
 * `body.text()` would then read that stream back. On the card page (131 vendor calls per operation)
 * that machinery was ~15 % of the gateway's allocations, and those allocations live as long as
 * the call: they are what V8's young generation has to copy (bench/RESULTS.md, ninth round). This
 * handler takes the chunks straight from undici's dispatcher API (`Dispatcher.dispatch`) instead.
 *
 * The call's deadline aborts the exchange like a `signal` would: at once when the request is on a
 * socket, or as soon as it reaches one when it is still queued in the pool (undici's own
 * `request()` behaves the same way).
 */
import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import type { CallDeadline } from './callDeadline';

export interface TextAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body decoded as UTF-8 ('' when there is none). */
  text: string;
}

/** Sends `options` on `dispatcher`; resolves with the answer once it is complete, rejects on a transport failure or the deadline. */
export function exchangeText(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, deadline: CallDeadline): Promise<TextAnswer> {
  return new Promise<TextAnswer>((resolve, reject) => {
    if (deadline.aborted) {
      reject(deadline.reason);
      return;
    }
    dispatcher.dispatch(options, new TextAnswerHandler(resolve, reject, deadline));
  });
}

class TextAnswerHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private headers: IncomingHttpHeaders = {};
  private chunks: Buffer[] = [];
  private length = 0;
  private settled = false;
  private readonly onDeadline = (): void => this.controller?.abort(this.deadline.reason as Error);

  constructor(
    private readonly resolve: (answer: TextAnswer) => void,
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
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  onResponseEnd(): void {
    if (this.settle()) return;
    this.resolve({ status: this.status, headers: this.headers, text: decodeUtf8(this.chunks, this.length) });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.settle()) return;
    this.reject(error);
  }

  /** Marks the exchange finished and lets go of the deadline; true if it already was. */
  private settle(): boolean {
    if (this.settled) return true;
    this.settled = true;
    this.deadline.removeListener('abort', this.onDeadline);
    return false;
  }
}

/** The chunks as one UTF-8 string, without a byte order mark (as undici's `body.text()` reads them). */
function decodeUtf8(chunks: Buffer[], length: number): string {
  if (length === 0) return '';
  const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
  const start = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  return buffer.toString('utf8', start);
}
