/**
 * Edges of the dialogue engine on the real services and content: values the
 * vocabulary refuses, an assessment that disappeared under the chat, content
 * that is not loaded yet.
 */
import type { DialogueContext } from '../../bot/dialogue/context';
import { handle } from '../../bot/dialogue/engine';
import { dialoguePorts } from '../../bot/dialogue/ports';
import { DialogueState, initialState } from '../../bot/dialogue/state';
import { text } from '../../bot/messages';
import { Assessment } from '../../entities';
import { ChatWorld, openChatWorld } from './support/chat-world';
import { describeTarget } from '../support/test-database';

describe(`dialogue engine edge cases on ${describeTarget()}`, () => {
  let world: ChatWorld;
  let ctx: DialogueContext;

  beforeEach(async () => {
    world = await openChatWorld();
    const founder = await world.services.founders.findOrCreate({ channel: 'terminal', user: 'edge' });
    ctx = { founderId: founder.id, channel: 'terminal', ports: dialoguePorts(world.services) };
  });
  afterEach(() => world.close());

  /** A chat waiting for an answer to `fact`. */
  async function askingFor(fact: string): Promise<DialogueState> {
    const view = await world.services.assessments.start(ctx.founderId, {});
    return {
      ...initialState(),
      mode: 'assessing',
      assessment: { id: view.id, topic: null, current: fact, announced: [] },
    };
  }

  it('gives the reason and asks again when a value is out of range, storing nothing', async () => {
    const turn = await handle(await askingFor('tech_staff_ratio'), '150%', ctx);
    expect(turn.replies.join('\n')).toContain('这个数值不太对');
    expect(turn.state.assessment?.current).toBe('tech_staff_ratio');
    expect(await world.services.profiles.answers(ctx.founderId)).toEqual({});
  });

  it('stores a money answer in 万元 and moves on', async () => {
    const turn = await handle(await askingFor('annual_revenue_wan'), '1.5个亿', ctx);
    expect(await world.services.profiles.answers(ctx.founderId)).toMatchObject({ annual_revenue_wan: 15000 });
    expect(turn.state.assessment?.current).not.toBe('annual_revenue_wan');
  });

  it.each([
    ['company_age_months', '不到一年'],
    ['employees', '超过100人'],
    ['rd_expense_ratio', '低于5%'],
  ])('asks %s again for a number when the reply is a bound (%s), storing nothing', async (fact, said) => {
    const turn = await handle(await askingFor(fact), said, ctx);
    expect(turn.replies.join('\n')).toContain(text.exactNumberPlease);
    expect(turn.state.assessment?.current).toBe(fact);
    expect(await world.services.profiles.answers(ctx.founderId)).toEqual({});
  });

  it('starts afresh when the assessment was erased elsewhere', async () => {
    const state = await askingFor('registered_in_shanghai');
    await world.db.dataSource.manager.delete(Assessment, { founderId: ctx.founderId });
    const turn = await handle(state, '是', ctx);
    expect(turn.replies).toEqual([text.noAssessment]);
    expect(turn.state).toMatchObject({ mode: 'idle', assessment: null });
  });

  it('says the content is not ready instead of failing when no policy is loaded', async () => {
    const empty = {
      ...ctx,
      ports: { ...ctx.ports, catalogue: () => ({ facts: {}, policies: [], incubators: [], regions: [] }) },
    };
    expect((await handle(initialState(), '开始测评', empty)).replies).toEqual([text.noContent]);
  });
});
