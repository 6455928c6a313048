/**
 * Log lines say what they were part of (issue 22): a line written by a
 * channel or service while serving a request carries that request's
 * `req_id`, even after the reply went out; every line of a reminder run
 * carries the run's `run_id`, a new one per run.
 */
import { fixedClock } from '../../services/clock';
import { OA_APPID, OA_TOKEN, signedQuery, textMessage } from '../channels/support/fake-official-account';
import { Fixtures, recordingChannel, runnerFor, shanghai } from '../reminders/support/reminder-fixtures';
import { capturedLogger } from '../support/captured-logger';
import { waitUntil } from '../support/wait-until';
import { describeTarget } from '../support/test-database';
import { ApiWorld, openApiWorld } from './support/api-world';

describe(`request and run ids in the logs, on ${describeTarget()}`, () => {
  const log = capturedLogger('info');
  let world: ApiWorld;
  beforeAll(async () => {
    // The Official Account without a secret and without a passive-reply budget: its
    // replies are dropped, with a warning written after the callback was answered.
    world = await openApiWorld(
      { WECHAT_OA_TOKEN: OA_TOKEN, WECHAT_OA_APPID: OA_APPID, WECHAT_OA_REPLY_BUDGET_MS: '0' },
      { logger: log.logger },
    );
  });
  afterAll(() => world.close());
  beforeEach(() => log.clear());

  it('tags a channel’s line written during a request with the request’s req_id, even after the reply', async () => {
    const res = await world
      .http()
      .post(`/wechat/official-account?${signedQuery()}`)
      .set('content-type', 'text/xml')
      .set('X-Request-Id', 'trace-oa-1')
      .send(textMessage('oa-log-founder', '开始测评', 'msg-log-1'));
    expect([res.status, res.text]).toEqual([200, 'success']);
    const dropped = await waitUntil(
      () => log.lines().find((line) => String(line.msg).includes('replies not sent')),
      'the channel’s warning',
    );
    expect(dropped.req_id).toBe('trace-oa-1');
    const access = log.lines().find((line) => line.msg === 'request');
    expect(access?.req_id).toBe('trace-oa-1');
    // Another request's lines carry its own id, not this one.
    const other = await world.http().get('/api/v1/policies');
    const otherLine = log.lines().find((line) => line.msg === 'request' && line.req_id !== 'trace-oa-1');
    expect(otherLine?.req_id).toBe(other.headers['x-request-id']);
    expect(log.text()).not.toContain('oa-log-founder');
  });

  it('tags every line of a reminder run with its run_id, one per run, and no req_id', async () => {
    const fx = new Fixtures(world.db.dataSource);
    await fx.policy('p.log', ['2026-06-19']);
    for (let i = 0; i < 2; i += 1) await fx.subscribe(await fx.founder(), 'p.log');
    const failing = recordingChannel();
    failing.behave = () => ({ status: 'retry', error: 'upstream down' });
    const clock = fixedClock(shanghai('2026-05-20T09:00'));
    const runner = runnerFor(world.db.dataSource, fx, clock, [failing], {}, log.logger);

    await runner.run();
    clock.advance(24 * 60 * 60_000);
    await runner.run();

    const failures = log.lines().filter((line) => line.msg === 'reminders: send failed');
    expect(failures.length).toBeGreaterThanOrEqual(3);
    const runIds = new Set(failures.map((line) => line.run_id));
    expect(runIds.size).toBe(2);
    for (const id of runIds) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(failures.every((line) => line.req_id === undefined)).toBe(true);
  });
});
