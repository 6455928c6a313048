/** Stateful, resumable assessments: start, answer, skip, back, resume. */
import { assessmentResponse } from '../../api/schemas/assessments';
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

type Auth = { Authorization: string };
const start = (auth: Auth, body: object = {}) => world.http().post('/api/v1/me/assessments').set(auth).send(body);
const step = (auth: Auth, id: string, body: object) =>
  world.http().post(`/api/v1/me/assessments/${id}/answers`).set(auth).send(body);

/** A valid answer for whatever the question asks. */
function answerFor(question: { fact: string; type: string; options: { value: string }[]; min: number | null }) {
  switch (question.type) {
    case 'boolean':
      return true;
    case 'enum':
      return question.options[0]!.value;
    default:
      return Math.max(question.min ?? 0, 1);
  }
}

describe('assessments', () => {
  it('starts with a first question and a Location to resume from', async () => {
    const { auth } = await world.founder('assess-start');
    const res = await start(auth);
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/me/assessments/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'open', asked: [], skipped: [], progress: { answered: 0 } });
    expect(res.body.next_question).toMatchObject({ fact: expect.any(String), text: expect.any(String) });
    expect(res.body.results.length).toBeGreaterThan(0);
  });

  it('saves each answer to the profile and moves to another question', async () => {
    const { auth } = await world.founder('assess-answer');
    const started = await start(auth);
    const question = started.body.next_question;
    const value = answerFor(question);
    const res = await step(auth, started.body.id, { fact: question.fact, value });
    expect(res.status).toBe(200);
    expect(res.body.asked).toEqual([question.fact]);
    expect(res.body.progress.answered).toBe(1);
    expect(res.body.next_question?.fact).not.toBe(question.fact);
    const profile = await world.http().get('/api/v1/me/profile').set(auth);
    expect(profile.body.answers[question.fact]).toEqual(value);
  });

  it('resumes where it stopped: GET shows the same question as the last reply', async () => {
    const { auth } = await world.founder('assess-resume');
    const started = await start(auth);
    const q = started.body.next_question;
    const answered = await step(auth, started.body.id, { fact: q.fact, value: answerFor(q) });
    const resumed = await world.http().get(`/api/v1/me/assessments/${started.body.id}`).set(auth);
    expect(resumed.status).toBe(200);
    expect(resumed.body.next_question).toEqual(answered.body.next_question);
    for (const reply of [started, answered, resumed]) {
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(assessmentResponse.strict().safeParse(reply.body).error).toBeUndefined();
    }
    expect(resumed.body.results).toEqual(answered.body.results);
    const list = await world.http().get('/api/v1/me/assessments').set(auth);
    expect(list.body.assessments.map((a: { id: string }) => a.id)).toContain(started.body.id);
  });

  it("stamps created_at and updated_at from the service's clock, as stored, to the second", async () => {
    const { auth } = await world.founder('assess-timestamps');
    const started = await start(auth);
    expect(started.body.created_at).toBe(started.body.updated_at);
    world.clock.advance(90_500);
    const q = started.body.next_question;
    const answered = await step(auth, started.body.id, { fact: q.fact, value: answerFor(q) });
    world.clock.advance(-90_500);
    expect(Date.parse(answered.body.updated_at) - Date.parse(started.body.created_at)).toBe(90_000);
    expect(answered.body.created_at).toBe(started.body.created_at);
    const resumed = await world.http().get(`/api/v1/me/assessments/${started.body.id}`).set(auth);
    expect(resumed.body).toMatchObject({
      created_at: started.body.created_at,
      updated_at: answered.body.updated_at,
      asked: [q.fact],
    });
  });

  it('takes the same answer sent many times at once (a double tap): every reply 200, one stored answer', async () => {
    const { id, auth } = await world.founder('assess-double-tap');
    const started = await start(auth);
    const q = started.body.next_question;
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => step(auth, started.body.id, { fact: q.fact, value: answerFor(q) })),
    );
    expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => 200));
    expect(await world.services.profiles.answers(id)).toEqual({ [q.fact]: answerFor(q) });
    const resumed = await world.http().get(`/api/v1/me/assessments/${started.body.id}`).set(auth);
    expect(resumed.body.asked).toEqual([q.fact]);
  });

  it('skips a fact: it stays unknown and is not asked again', async () => {
    const { auth } = await world.founder('assess-skip');
    const started = await start(auth);
    const fact = started.body.next_question.fact;
    const res = await step(auth, started.body.id, { skip: fact });
    expect(res.status).toBe(200);
    expect(res.body.skipped).toEqual([fact]);
    expect(res.body.next_question?.fact).not.toBe(fact);
    expect((await world.http().get('/api/v1/me/profile').set(auth)).body.answers).not.toHaveProperty(fact);
  });

  it('goes back to the previous question with the earlier answer shown, and stays there when resumed', async () => {
    const { auth } = await world.founder('assess-back');
    const started = await start(auth);
    const q = started.body.next_question;
    const value = answerFor(q);
    await step(auth, started.body.id, { fact: q.fact, value });
    const back = await step(auth, started.body.id, { back: true });
    expect(back.status).toBe(200);
    expect(back.body.next_question.fact).toBe(q.fact);
    expect(back.body.previous_value).toEqual(value);
    expect(back.body.asked).toEqual([]);
    const resumed = await world.http().get(`/api/v1/me/assessments/${started.body.id}`).set(auth);
    expect(resumed.body.next_question.fact).toBe(q.fact);
    expect((await step(auth, started.body.id, { back: true })).status).toBe(400);
  });

  it('limits the questions to a topic or a list of policies', async () => {
    const { auth } = await world.founder('assess-scope');
    const res = await start(auth, { policies: ['sh.innovation-voucher'] });
    expect(res.status).toBe(201);
    expect(res.body.results.map((r: { policy: string }) => r.policy)).toEqual(['sh.innovation-voucher']);
    const topic = await start(auth, { topic: '落户' });
    expect(topic.status).toBe(201);
    expect(topic.body.results.every((r: { policy: string }) => r.policy.includes('hukou'))).toBe(true);
  });

  it('answers until nothing is left to ask, then is complete', async () => {
    const { auth } = await world.founder('assess-complete');
    let view = (await start(auth, { policies: ['sh.innovation-voucher'] })).body;
    for (let i = 0; i < 60 && view.next_question; i += 1) {
      view = (await step(auth, view.id, { fact: view.next_question.fact, value: answerFor(view.next_question) })).body;
    }
    expect(view.status).toBe('complete');
    expect(view.next_question).toBeNull();
    expect(view.results[0].status).not.toBe('maybe');
  });

  it('refuses bad steps with 400 and changes nothing', async () => {
    const { auth } = await world.founder('assess-bad');
    const started = await start(auth);
    const id = started.body.id;
    for (const body of [
      { fact: 'employees', value: 'lots' },
      { fact: 'no_such_fact', value: 1 },
      { skip: 'no_such_fact' },
      // Names of Object.prototype's members are no facts either.
      { skip: 'constructor' },
      { skip: 'toString' },
      { fact: 'hasOwnProperty', value: 1 },
      { back: false },
      { fact: 'employees', value: 3, skip: 'employees' },
      {},
    ]) {
      const res = await step(auth, id, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const after = await world.http().get(`/api/v1/me/assessments/${id}`).set(auth);
    expect(after.body.asked).toEqual([]);
    expect((await world.http().get('/api/v1/me/profile').set(auth)).body.answers).toEqual({});
    expect((await start(auth, { topic: '没有这个主题' })).status).toBe(400);
    expect((await start(auth, { policies: ['cn.nope'] })).status).toBe(400);
    expect((await start(auth, { topic: '落户', policies: ['sh.hukou-graduate'] })).status).toBe(400);
  });

  it('answers 404 for an unknown assessment', async () => {
    const { auth } = await world.founder('assess-404');
    expect(
      (await world.http().get('/api/v1/me/assessments/00000000-0000-0000-0000-000000000000').set(auth)).status,
    ).toBe(404);
    expect((await step(auth, 'nope', { back: true })).status).toBe(404);
  });
});
