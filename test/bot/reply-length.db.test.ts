/**
 * Short replies (issue 18): every turn of a whole assessment, for every
 * persona, is at most 3 WeChat messages and about 600 characters; only "详细"
 * (asked for) may be longer.
 */
import { handle } from '../../bot/dialogue/engine';
import { dialoguePorts } from '../../bot/dialogue/ports';
import { initialState } from '../../bot/dialogue/state';
import { PERSONAS_DIR, readPersonas } from '../../scripts/support/personas';
import { openChatWorld, replyFor, type ChatWorld } from './support/chat-world';

const MAX_MESSAGES = 3;
const MAX_CHARACTERS = 600;
const MAX_TURNS = 80;

let world: ChatWorld;
beforeAll(async () => {
  world = await openChatWorld('2026-12-04');
});
afterAll(() => world.close());

describe.each(readPersonas(PERSONAS_DIR).map((p) => [p.name, p] as const))('%s', (name, persona) => {
  it(`gets no reply over ${MAX_MESSAGES} messages or ${MAX_CHARACTERS} characters, results included`, async () => {
    const services = world.services;
    const founder = await services.founders.findOrCreate({ channel: 'terminal', user: `length:${name}` });
    const ctx = { founderId: founder.id, channel: 'terminal' as const, ports: dialoguePorts(services) };
    const said: string[] = ['开始测评'];
    let turn = await handle(initialState(), '开始测评', ctx);
    const long: string[] = [];
    const check = (message: string) => {
      const size = turn.replies.join('').length;
      if (turn.replies.length > MAX_MESSAGES || size > MAX_CHARACTERS) {
        long.push(`${message} → ${turn.replies.length} messages, ${size} characters`);
      }
    };
    check('开始测评');
    for (let i = 0; i < MAX_TURNS && turn.state.assessment?.current; i += 1) {
      const answer = replyFor(world, turn.state.assessment.current, persona.answers[turn.state.assessment.current]);
      said.push(answer);
      turn = await handle(turn.state, answer, ctx);
      check(answer);
    }
    expect(turn.state.assessment?.current ?? null).toBeNull();
    for (const message of ['结果', '为什么', '我的资料', '我的提醒']) {
      turn = await handle(turn.state, message, ctx);
      check(message);
    }
    expect(long).toEqual([]);
  });
});
