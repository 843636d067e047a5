// The background's own long work (a poll, an import) waits, before each write, for the
// requests a reader is waiting on; a stream of them that never pauses holds it back for a
// bounded time only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asForeground, foregroundIdle, readerSeenWithin } from '../../src/background/foreground';

afterEach(() => {
  vi.useRealTimers();
});

/** A request that runs until the test ends it. */
function pendingRequest() {
  let end = () => {};
  const running = asForeground(() => new Promise<void>((resolve) => (end = resolve)));
  return { end, running };
}

describe('foreground requests', () => {
  it('lets work start at once when no request is in flight', async () => {
    const order: string[] = [];
    await foregroundIdle().then(() => order.push('work'));
    expect(order).toEqual(['work']);
  });

  it('holds work back until every request in flight has answered', async () => {
    let started = false;
    const first = pendingRequest();
    const second = pendingRequest();
    const work = foregroundIdle().then(() => {
      started = true;
    });
    first.end();
    await first.running;
    expect(started).toBe(false);
    second.end();
    await second.running;
    await work;
    expect(started).toBe(true);
  });

  it('lets work go after the longest wait when requests never pause', async () => {
    vi.useFakeTimers();
    const endless = pendingRequest();
    let started = false;
    const work = foregroundIdle(500).then(() => {
      started = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await work;
    expect(started).toBe(true);
    endless.end();
    await endless.running;
  });

  it('answers a failing request as failed, and does not count it as in flight afterwards', async () => {
    await expect(asForeground(() => Promise.reject(new Error('no such article')))).rejects.toThrow('no such article');
    const order: string[] = [];
    await foregroundIdle().then(() => order.push('work'));
    expect(order).toEqual(['work']);
  });

  it('sees a reader while a request is in flight, and for a while after the last one started', async () => {
    const request = pendingRequest();
    const started = performance.now();
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValue(started + 60_000);
    expect(readerSeenWithin(1000)).toBe(true); // still in flight, however long ago it started
    request.end();
    await request.running;
    expect(readerSeenWithin(1000)).toBe(false);
    now.mockReturnValue(started + 500);
    expect(readerSeenWithin(1000)).toBe(true);
    now.mockRestore();
  });
});
