import { SenderStoppedError, SenderTimer, ThrottledSender } from '../../bot/throttled-sender';

/** Virtual time: sleeping advances the clock at once and is recorded. */
function virtualTimer(): SenderTimer & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

function recorder(timer: SenderTimer) {
  const sent: { key: string; text: string; at: number }[] = [];
  const send = (key: string, text: string) => async () => {
    sent.push({ key, text, at: timer.now() });
  };
  return { sent, send };
}

describe('the throttled sender', () => {
  it('keeps the per-contact interval between two messages to one contact', async () => {
    const timer = virtualTimer();
    const sender = new ThrottledSender({ perContactMs: 1500, globalMs: 400, timer });
    const { sent, send } = recorder(timer);
    await Promise.all([sender.enqueue('a', send('a', '1')), sender.enqueue('a', send('a', '2'))]);
    expect(sent.map((m) => [m.text, m.at])).toEqual([
      ['1', 0],
      ['2', 1500],
    ]);
  });

  it('keeps the global interval across contacts and lets a waiting contact not block another', async () => {
    const timer = virtualTimer();
    const sender = new ThrottledSender({ perContactMs: 1500, globalMs: 400, timer });
    const { sent, send } = recorder(timer);
    await Promise.all([
      sender.enqueue('a', send('a', 'a1')),
      sender.enqueue('a', send('a', 'a2')),
      sender.enqueue('b', send('b', 'b1')),
      sender.enqueue('c', send('c', 'c1')),
    ]);
    expect(sent.map((m) => [m.text, m.at])).toEqual([
      ['a1', 0],
      ['b1', 400],
      ['c1', 800],
      ['a2', 1500],
    ]);
  });

  it('keeps the order of messages to one contact', async () => {
    const timer = virtualTimer();
    const sender = new ThrottledSender({ perContactMs: 100, globalMs: 0, timer });
    const { sent, send } = recorder(timer);
    await Promise.all(['1', '2', '3', '4'].map((text) => sender.enqueue('a', send('a', text))));
    expect(sent.map((m) => m.text)).toEqual(['1', '2', '3', '4']);
  });

  it('rejects only the message that failed and goes on with the rest', async () => {
    const timer = virtualTimer();
    const sender = new ThrottledSender({ perContactMs: 0, globalMs: 10, timer });
    const { sent, send } = recorder(timer);
    const failing = sender.enqueue('a', async () => {
      throw new Error('network');
    });
    const ok = sender.enqueue('b', send('b', 'fine'));
    await expect(failing).rejects.toThrow('network');
    await ok;
    expect(sent.map((m) => m.text)).toEqual(['fine']);
  });

  it('drops the queue on stop and refuses new messages', async () => {
    const timer = virtualTimer();
    let release: () => void = () => undefined;
    const sender = new ThrottledSender({ perContactMs: 0, globalMs: 0, timer });
    const first = sender.enqueue('a', () => new Promise<void>((resolve) => (release = resolve)));
    const queued = sender.enqueue('a', async () => undefined);
    sender.stop();
    release();
    await first;
    await expect(queued).rejects.toBeInstanceOf(SenderStoppedError);
    await expect(sender.enqueue('a', async () => undefined)).rejects.toBeInstanceOf(SenderStoppedError);
  });

  it('waits on real time by default', async () => {
    const sender = new ThrottledSender({ perContactMs: 30, globalMs: 0 });
    const times: number[] = [];
    const stamp = async () => {
      times.push(Date.now());
    };
    await Promise.all([sender.enqueue('a', stamp), sender.enqueue('a', stamp)]);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(25);
  });
});
