/**
 * The reminders' follow-up ("您提交申请了吗？") answered in chat: "已申请" /
 * "未申请" go to the question asked most recently, "我的申请" lists the records.
 * The follow-up row is created here as the reminder outbox would, for real
 * windows of the shipped content.
 */
import { writeScript } from '../../bot/chinese-script';
import { terminalAddress } from '../../bot/terminal-chat';
import { text } from '../../bot/messages';
import { ApplicationRecord, ApplicationWindow } from '../../entities';
import { ChatWorld, openChatWorld } from './support/chat-world';
import { describeTarget } from '../support/test-database';

describe(`the application tracker in chat on ${describeTarget()}`, () => {
  let world: ChatWorld;
  /** Two dated windows (of different policies, or different years of one). */
  let older: ApplicationWindow;
  let newer: ApplicationWindow;

  beforeAll(async () => {
    world = await openChatWorld();
    const windows = await world.db.dataSource.manager.find(ApplicationWindow, {
      where: { rolling: false },
      order: { id: 'ASC' },
    });
    older = windows.find((w) => w.closesOn)!;
    // Only 小巨人 has dated windows in the shipped content now (专精特新 and 科小 go by each
    // year's notices): two of its years are two windows all the same.
    newer = windows.find((w) => w.closesOn && (w.policyId !== older.policyId || w.windowKey !== older.windowKey))!;
  });
  afterAll(() => world.close());

  const title = (window: ApplicationWindow) => world.services.catalogue.policy(window.policyId)!.title;

  /** A chat whose founder was asked about `windows`, in that order (the last asked most recently). */
  async function askedAbout(user: string, windows: ApplicationWindow[]) {
    const address = terminalAddress(user);
    const founder = await world.services.founders.findOrCreate(address.identity);
    for (const [index, window] of windows.entries()) {
      await world.db.dataSource.manager.insert(ApplicationRecord, {
        founderId: founder.id,
        policyId: window.policyId,
        windowKey: window.windowKey,
        status: 'asked',
        askedAt: new Date(Date.UTC(2026, 10, 16, 2, index)),
        answeredAt: null,
      });
    }
    const say = async (line: string) => (await world.dialogue.receive(address, line)).join('\n');
    const statusOf = async (window: ApplicationWindow) =>
      (
        await world.db.dataSource.manager.findOneByOrFail(ApplicationRecord, {
          founderId: founder.id,
          policyId: window.policyId,
          windowKey: window.windowKey,
        })
      ).status;
    await say('你好');
    return { say, statusOf };
  }

  it('records 已申请 for the follow-up, then 我的申请 shows it with its deadline', async () => {
    const chat = await askedAbout('applied', [older]);
    const reply = await chat.say('已申请');
    expect(reply).toBe(text.applicationRecorded(text.quotedTitle(title(older)), true));
    expect(await chat.statusOf(older)).toBe('applied');

    const listed = await chat.say('我的申请');
    expect(listed).toContain(text.applicationsTitle(1));
    expect(listed).toContain(`「${title(older)}」（截止 ${older.closesOn}）：已申请`);
    expect(listed).not.toContain(text.applicationsAskedHint);
  });

  it('understands natural variants: 还没申请 records not applied', async () => {
    const chat = await askedAbout('variant', [older]);
    expect(await chat.say('还没申请。')).toContain('已记录：你没有申请');
    expect(await chat.statusOf(older)).toBe('not_applied');
  });

  it('understands traditional Chinese and answers in it: 已申請, 我的申請', async () => {
    const chat = await askedAbout('traditional', [older]);
    const reply = await chat.say('已申請');
    expect(reply).toBe(writeScript(text.applicationRecorded(text.quotedTitle(title(older)), true), 'tw'));
    expect(reply).toContain('已記錄');
    expect(await chat.statusOf(older)).toBe('applied');
    const listed = await chat.say('我的申請');
    expect(listed).toContain(writeScript(text.applicationsTitle(1), 'tw'));
    expect(listed).toContain('已申請');
  });

  it('with several open, answers the newest, names it, and says the others are still open', async () => {
    const chat = await askedAbout('several', [older, newer]);
    const reply = await chat.say('没申请');
    expect(reply).toContain(text.applicationRecorded(text.quotedTitle(title(newer)), false));
    expect(reply).toContain(text.applicationsStillAsked([text.quotedTitle(title(older))]));
    expect(await chat.statusOf(newer)).toBe('not_applied');
    expect(await chat.statusOf(older)).toBe('asked');

    const listed = await chat.say('我的申请');
    expect(listed).toContain(text.applicationsTitle(2));
    expect(listed).toContain(`「${title(newer)}」（截止 ${newer.closesOn}）：未申请`);
    expect(listed).toContain(`「${title(older)}」（截止 ${older.closesOn}）：待回复`);
    expect(listed).toContain(text.applicationsAskedHint);

    // The next answer goes to the one still open.
    expect(await chat.say('已经申请了')).toBe(text.applicationRecorded(text.quotedTitle(title(older)), true));
    expect(await chat.statusOf(older)).toBe('applied');
  });

  it('says there is nothing to record, and leaves an answered record alone', async () => {
    const nobody = await askedAbout('nobody', []);
    expect(await nobody.say('已申请')).toBe(text.nothingToRecord);
    expect(await nobody.say('我的申请')).toBe(text.applicationsEmpty);

    const answered = await askedAbout('answered', [older]);
    await answered.say('已申请');
    expect(await answered.say('未申请')).toBe(text.nothingToRecord);
    expect(await answered.statusOf(older)).toBe('applied');
  });

  it('in the middle of an assessment, records the answer and puts the question back', async () => {
    const chat = await askedAbout('assessing', [older]);
    expect(await chat.say('开始测评')).toContain('第 1 题');
    const reply = await chat.say('已申请');
    expect(reply).toContain(text.applicationRecorded(text.quotedTitle(title(older)), true));
    expect(reply).toContain(text.assessingReminder);
    expect(await chat.statusOf(older)).toBe('applied');
  });
});
