/**
 * The whole chain on a mock WeChat: mock contact → Wechaty → adapter →
 * dialogue service → shared services → database, and the replies back.
 */
import { createDialogueService } from '../../bot/dialogue';
import { silentLogger } from '../../logging/logger';
import type { FactValue } from '../../rules/catalogue';
import { ChatWorld, currentQuestion, openChatWorld, personaAnswers, replyFor } from './support/chat-world';
import { inbox, MockWechat, settle, startMockWechat, waitFor } from './support/mock-wechat';
import { describeTarget } from '../support/test-database';

const hardtech: Record<string, FactValue> = personaAnswers('hardtech-growth');

describe(`WeChat end to end on ${describeTarget()}`, () => {
  let world: ChatWorld;
  let wechat: MockWechat;

  beforeEach(async () => {
    world = await openChatWorld();
    wechat = await startMockWechat(world.dialogue);
  });
  afterEach(async () => {
    await wechat.stop();
    await world.close();
  });

  /** Says one line and waits until the bot has answered it (at least one new message). */
  async function exchange(say: () => void, replies: string[]): Promise<string> {
    const before = replies.length;
    say();
    await waitFor(() => replies.length > before);
    await settle(wechat, 50);
    return replies.slice(before).join('\n');
  }

  it('runs a private assessment to the results', async () => {
    const founder = wechat.mocker.createContact({ name: '王总' });
    const replies = inbox(wechat.botUser, founder);
    const channelKey = `wechaty:${founder.id}`;
    expect(await exchange(() => founder.say('开始测评').to(wechat.botUser), replies)).toContain('第 1 题');
    let last = '';
    for (let asked = 0; asked < 60; asked += 1) {
      const fact = await currentQuestion(world, channelKey);
      if (!fact) break;
      const answer = replyFor(world, fact, hardtech[fact]);
      last = await exchange(() => founder.say(answer).to(wechat.botUser), replies);
    }
    expect(last).toContain('测评完成');
    expect(last).toContain('信息核实于');
    const founderRow = await world.services.founders.findOrCreate({ channel: 'wechat', contactId: founder.id });
    expect(await world.services.profiles.answers(founderRow.id)).toMatchObject({ registered_in_shanghai: true });
  });

  it('answers in a room only when @mentioned', async () => {
    const member = wechat.mocker.createContact({ name: '小李' });
    const room = wechat.mocker.createRoom({ topic: '创业交流群', memberIdList: [wechat.botUser.id, member.id] });
    const said = inbox(wechat.botUser, room);
    member.say('有人知道高企怎么申请吗').to(room);
    await settle(wechat);
    expect(said).toEqual([]);
    const reply = await exchange(
      () => member.say(`@${wechat.botUser.payload.name} 高企条件`, [wechat.botUser]).to(room),
      said,
    );
    expect(reply).toContain('高新技术企业');
    expect(reply).toContain('信息核实于');
  });

  it('resumes an assessment where it stopped after the bot restarts', async () => {
    const founder = wechat.mocker.createContact({ name: '陈总' });
    const channelKey = `wechaty:${founder.id}`;
    let replies = inbox(wechat.botUser, founder);
    await exchange(() => founder.say('开始测评').to(wechat.botUser), replies);
    for (const number of [2, 3]) {
      const fact = (await currentQuestion(world, channelKey))!;
      const answer = replyFor(world, fact, hardtech[fact]);
      expect(await exchange(() => founder.say(answer).to(wechat.botUser), replies)).toContain(`第 ${number} 题`);
    }
    const waiting = await currentQuestion(world, channelKey);

    // A new process: a new bot, a new dialogue service, the same database and WeChat account.
    await wechat.stop();
    const dialogue = createDialogueService(world.services, silentLogger());
    wechat = await startMockWechat(dialogue, { botUserId: wechat.botUser.id });
    const again = wechat.mocker.createContact({ id: founder.id, name: '陈总' });
    replies = inbox(wechat.botUser, again);

    expect(await currentQuestion(world, channelKey)).toBe(waiting);
    const answer = replyFor(world, waiting!, hardtech[waiting!]);
    const reply = await exchange(() => again.say(answer).to(wechat.botUser), replies);
    expect(reply).toContain('第 4 题');
  });
});
