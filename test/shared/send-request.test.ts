import { describe, expect, it } from 'vitest';
import { sendRequest } from '../../src/shared/send-request';

const runtimeAnswering = (answer: () => Promise<unknown>) => ({ sendMessage: answer });

describe('sendRequest', () => {
  it('returns a well-formed reply', async () => {
    const runtime = runtimeAnswering(async () => ({ ok: true, value: { version: '0.1.0' } }));
    expect(await sendRequest(runtime, { type: 'ping' })).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it('turns a malformed reply into an error instead of trusting it', async () => {
    const runtime = runtimeAnswering(async () => ({ ok: true, value: 'yes' }));
    expect(await sendRequest(runtime, { type: 'ping' })).toEqual({ ok: false, error: 'malformed reply to ping' });
  });

  it('runs the send and the check through the timing it is given, each as its own stretch', async () => {
    const seen: string[] = [];
    const runtime = {
      sendMessage: (message: unknown) => {
        seen.push(`sending ${(message as { type: string }).type}`);
        return Promise.resolve({ ok: true, value: { version: '0.1.0' } });
      },
    };
    const reply = await sendRequest(runtime, { type: 'ping' }, (what, work) => {
      seen.push(`${what} begins`);
      const result = work();
      seen.push(`${what} ends`);
      return result;
    });
    expect(reply).toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(seen).toEqual(['send begins', 'sending ping', 'send ends', 'reply check begins', 'reply check ends']);
  });

  it('turns an unreachable background into an error', async () => {
    const runtime = runtimeAnswering(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await sendRequest(runtime, { type: 'ping' })).toEqual({
      ok: false,
      error: 'Could not establish connection. Receiving end does not exist.',
    });
  });
});
