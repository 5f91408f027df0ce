/**
 * The shared poll loops behind cardReadRequestUpdated, driven by a fake clock: one loop per
 * request however many subscribers, bounded by interval and deadline, stopped by the last leave.
 */
import pino from 'pino';
import { ErrorCode } from '../../../src/errors/codes';
import { VendorError } from '../../../src/errors/gatewayError';
import { CardReadTracker, type CardReadEvent } from '../../../src/vendors/cardwizard/cardReadTracker';
import type { EventQueue } from '../../../src/vendors/cardwizard/eventQueue';
import type { Clock } from '../../../src/vendors/cardwizard/pollLoop';
import type { CardRead, CardRequestKey } from '../../../src/vendors/cardwizard/types';

class FakeClock implements Clock {
  time = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers.delete(handle as number);
  };
  get pending(): number {
    return this.timers.size;
  }
  /** Moves time forward, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
    await settle();
  }
}

const settle = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

const KEY: CardRequestKey = { deviceId: 1, id: 'req-1' };
const logger = pino({ level: 'silent' });

function state(status: CardRead['status'], extra: Partial<CardRead> = {}): CardRead {
  return { ...KEY, status, requestedAt: '2026-01-01T00:00:00Z', endedAt: null, trackData: null, failure: null, ...extra };
}

/** A vendor whose answers are scripted per poll; the last answer repeats. */
function scriptedVendor(answers: Array<CardRead | null | Error>) {
  const calls: CardRequestKey[] = [];
  const poll = async (key: CardRequestKey) => {
    calls.push(key);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { calls, poll };
}

function drain(queue: EventQueue<CardReadEvent>) {
  const events: CardReadEvent[] = [];
  let done = false;
  void (async () => {
    for await (const event of queue) events.push(event);
    done = true;
  })();
  return { events, isDone: () => done, statuses: () => events.map((e) => (e.kind === 'state' ? (e.request?.status ?? null) : `error:${(e.error as VendorError).code}`)) };
}

function tracker(poll: (key: CardRequestKey) => Promise<CardRead | null>, clock: FakeClock, overrides: Partial<ConstructorParameters<typeof CardReadTracker>[0]> = {}) {
  return new CardReadTracker({ poll, pollIntervalMs: 1000, deadlineMs: 60_000, logger, clock, ...overrides });
}

describe('CardReadTracker', () => {
  it('serves two subscribers of one request from one poll loop and delivers pending then completed to both', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([state('PENDING'), state('PENDING'), state('COMPLETED', { endedAt: '2026-01-01T00:00:02Z' })]);
    const t = tracker(vendor.poll, clock);
    const a = drain(t.subscribe(KEY));
    const b = drain(t.subscribe({ ...KEY }));
    expect(t.activeLoops).toBe(1);
    await clock.advance(5000);
    expect(a.statuses()).toEqual(['PENDING', 'COMPLETED']);
    expect(b.statuses()).toEqual(['PENDING', 'COMPLETED']);
    expect(a.isDone() && b.isDone()).toBe(true);
    // Polls at t=0, 1000 and 2000: one loop, no poll after the request ended.
    expect(vendor.calls).toHaveLength(3);
    expect(t.activeLoops).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('polls no faster than the interval', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([state('PENDING')]);
    const t = tracker(vendor.poll, clock, { pollIntervalMs: 250 });
    const sub = t.subscribe(KEY);
    await clock.advance(2000);
    expect(vendor.calls).toHaveLength(9); // t = 0, 250, ..., 2000
    await sub.return();
  });

  it('gives a late subscriber the latest state at once, without an extra vendor call', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([state('PENDING')]);
    const t = tracker(vendor.poll, clock);
    const first = t.subscribe(KEY);
    await clock.advance(500);
    const late = t.subscribe(KEY);
    const event = await late.next();
    expect(event.value).toEqual({ kind: 'state', request: state('PENDING') });
    expect(vendor.calls).toHaveLength(1);
    await first.return();
    await late.return();
  });

  it('pushes only changes: an unchanged state is not repeated', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([state('PENDING'), state('PENDING'), state('PENDING'), state('FAILED', { failure: { code: 'DEVICE_ERROR', message: 'no stock' } })]);
    const t = tracker(vendor.poll, clock);
    const sub = drain(t.subscribe(KEY));
    await clock.advance(10_000);
    expect(sub.statuses()).toEqual(['PENDING', 'FAILED']);
    expect(vendor.calls).toHaveLength(4);
  });

  it('stops polling when the last subscriber leaves, and not before', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([state('PENDING')]);
    const t = tracker(vendor.poll, clock);
    const a = t.subscribe(KEY);
    const b = t.subscribe(KEY);
    await clock.advance(2000);
    await a.return();
    await clock.advance(2000);
    expect(vendor.calls).toHaveLength(5);
    expect(t.activeLoops).toBe(1);
    await b.return();
    await clock.advance(10_000);
    expect(vendor.calls).toHaveLength(5);
    expect(t.activeLoops).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('lets subscribers go at the deadline, after the last state they saw, and stops polling', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([state('PENDING')]);
    const t = tracker(vendor.poll, clock, { deadlineMs: 3500 });
    const sub = drain(t.subscribe(KEY));
    await clock.advance(3400);
    expect(sub.isDone()).toBe(false);
    await clock.advance(200);
    expect(sub.isDone()).toBe(true);
    expect(sub.statuses()).toEqual(['PENDING']);
    const polls = vendor.calls.length;
    await clock.advance(10_000);
    expect(vendor.calls).toHaveLength(polls);
    expect(t.activeLoops).toBe(0);
  });

  it('starts a new loop for a subscriber who comes after the previous loop ended', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([state('COMPLETED')]);
    const t = tracker(vendor.poll, clock);
    const first = drain(t.subscribe(KEY));
    await clock.advance(100);
    const second = drain(t.subscribe(KEY));
    await clock.advance(100);
    expect(first.statuses()).toEqual(['COMPLETED']);
    expect(second.statuses()).toEqual(['COMPLETED']);
    expect(vendor.calls).toHaveLength(2);
  });

  it('sends null once and ends when CardWizard knows no such request', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([null]);
    const t = tracker(vendor.poll, clock);
    const sub = drain(t.subscribe(KEY));
    await clock.advance(5000);
    expect(sub.events).toEqual([{ kind: 'state', request: null }]);
    expect(sub.isDone()).toBe(true);
    expect(vendor.calls).toHaveLength(1);
  });

  it('keeps polling through transient vendor failures', async () => {
    const clock = new FakeClock();
    const down = new VendorError('cardwizard', ErrorCode.VENDOR_UNAVAILABLE, 'down');
    const vendor = scriptedVendor([state('PENDING'), down, down, state('COMPLETED')]);
    const t = tracker(vendor.poll, clock);
    const sub = drain(t.subscribe(KEY));
    await clock.advance(5000);
    expect(sub.statuses()).toEqual(['PENDING', 'COMPLETED']);
    expect(vendor.calls).toHaveLength(4);
  });

  it('ends every subscriber with the error after too many transient failures in a row', async () => {
    const clock = new FakeClock();
    const down = new VendorError('cardwizard', ErrorCode.VENDOR_TIMEOUT, 'slow');
    const vendor = scriptedVendor([down]);
    const t = tracker(vendor.poll, clock, { maxConsecutiveFailures: 3 });
    const a = drain(t.subscribe(KEY));
    const b = drain(t.subscribe(KEY));
    await clock.advance(10_000);
    expect(vendor.calls).toHaveLength(3);
    expect(a.statuses()).toEqual(['error:VENDOR_TIMEOUT']);
    expect(b.statuses()).toEqual(['error:VENDOR_TIMEOUT']);
    expect(a.isDone() && b.isDone()).toBe(true);
  });

  it('ends every subscriber at once with a permanent error (e.g. the token is refused)', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([new VendorError('cardwizard', ErrorCode.VENDOR_AUTH_FAILED, 'bad token')]);
    const t = tracker(vendor.poll, clock);
    const sub = drain(t.subscribe(KEY));
    await clock.advance(5000);
    expect(sub.statuses()).toEqual(['error:VENDOR_AUTH_FAILED']);
    expect(vendor.calls).toHaveLength(1);
  });

  it('keeps separate loops for different requests', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([state('PENDING')]);
    const t = tracker(vendor.poll, clock);
    const a = t.subscribe(KEY);
    const b = t.subscribe({ deviceId: 2, id: 'req-1' });
    expect(t.activeLoops).toBe(2);
    await clock.advance(0);
    expect(vendor.calls).toEqual([KEY, { deviceId: 2, id: 'req-1' }]);
    await a.return();
    await b.return();
  });

  it('ends every subscription and timer on close', async () => {
    const clock = new FakeClock();
    const vendor = scriptedVendor([state('PENDING')]);
    const t = tracker(vendor.poll, clock);
    const sub = drain(t.subscribe(KEY));
    await clock.advance(1500);
    await t.close();
    await settle();
    expect(sub.isDone()).toBe(true);
    expect(t.activeLoops).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('refuses settings without a bounded interval', () => {
    expect(() => tracker(async () => null, new FakeClock(), { pollIntervalMs: 0 })).toThrow(RangeError);
    expect(() => tracker(async () => null, new FakeClock(), { pollIntervalMs: 5000, deadlineMs: 1000 })).toThrow(RangeError);
  });
});
