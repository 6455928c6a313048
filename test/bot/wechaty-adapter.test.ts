import type { ChatAddress } from '../../bot/dialogue/dialogue-service';
import { text } from '../../bot/messages';
import {
  inbox,
  MockWechat,
  replayOldMessage,
  requestFriendship,
  sendImage,
  settle,
  startMockWechat,
  waitFor,
} from './support/mock-wechat';

/** A stand-in dialogue that echoes and records what reached it. */
function echoDialogue() {
  const calls: { address: ChatAddress; message: string }[] = [];
  return {
    calls,
    async receive(address: ChatAddress, message: string) {
      calls.push({ address, message });
      return [`收到：${message}`, '第二条'];
    },
  };
}

describe('the Wechaty adapter', () => {
  let wechat: MockWechat;
  let dialogue: ReturnType<typeof echoDialogue>;

  beforeEach(async () => {
    dialogue = echoDialogue();
    wechat = await startMockWechat(dialogue);
  });
  afterEach(() => wechat.stop());

  it('answers a private message with every reply, in order, keyed by the contact', async () => {
    const founder = wechat.mocker.createContact({ name: '小王' });
    const replies = inbox(wechat.botUser, founder);
    founder.say('帮助').to(wechat.botUser);
    await waitFor(() => replies.length === 2);
    expect(replies).toEqual(['收到：帮助', '第二条']);
    expect(dialogue.calls[0]!.address).toEqual({
      channelKey: `wechaty:${founder.id}`,
      identity: { channel: 'wechat', contactId: founder.id },
    });
  });

  it('ignores its own messages', async () => {
    const founder = wechat.mocker.createContact();
    wechat.botUser.say('我自己说的').to(founder);
    await settle(wechat);
    expect(dialogue.calls).toEqual([]);
  });

  it('ignores messages sent before it started', async () => {
    const founder = wechat.mocker.createContact();
    replayOldMessage(wechat, founder, '很久以前的消息', 60_000);
    await settle(wechat);
    expect(dialogue.calls).toEqual([]);
  });

  it('answers a picture with a short hint instead of a dialogue turn', async () => {
    const founder = wechat.mocker.createContact();
    const replies = inbox(wechat.botUser, founder);
    sendImage(wechat, founder);
    await waitFor(() => replies.length === 1);
    expect(replies).toEqual([text.nonText]);
    expect(dialogue.calls).toEqual([]);
  });

  it('answers in a room only when @mentioned, without the mention, one session per member', async () => {
    const member = wechat.mocker.createContact({ name: '小李' });
    const other = wechat.mocker.createContact({ name: '小张' });
    const room = wechat.mocker.createRoom({ topic: '创业群', memberIdList: [wechat.botUser.id, member.id, other.id] });
    const said = inbox(wechat.botUser, room);
    member.say('大家好').to(room);
    await settle(wechat);
    expect(dialogue.calls).toEqual([]);

    member.say(`@${wechat.botUser.payload.name} 帮助`, [wechat.botUser]).to(room);
    await waitFor(() => said.length === 2);
    expect(dialogue.calls.map((call) => call.message)).toEqual(['帮助']);
    expect(dialogue.calls[0]!.address.channelKey).toBe(`room:${room.id}:${member.id}`);
    expect(said[0]).toContain('收到：帮助');
  });

  it('accepts a friend request with a greeting when enabled', async () => {
    const stranger = wechat.mocker.createContact({ name: '新朋友' });
    const greeting = inbox(wechat.botUser, stranger);
    await requestFriendship(wechat, stranger);
    await waitFor(() => greeting.length === 1);
    expect(greeting[0]).toBe(text.greetingForNewFriend);
  });

  it('sends reminders to a contact through the same queue, and refuses an unknown contact', async () => {
    const founder = wechat.mocker.createContact();
    const received = inbox(wechat.botUser, founder);
    await wechat.bot.sendToContact(founder.id, '高企申报还有 7 天截止');
    expect(received).toEqual(['高企申报还有 7 天截止']);
    await expect(wechat.bot.sendToContact('nobody', '你好')).rejects.toThrow('no such WeChat contact');
  });
});

describe('the Wechaty adapter with friend requests off', () => {
  it('leaves friend requests alone', async () => {
    const wechat = await startMockWechat(echoDialogue(), { acceptFriends: false });
    try {
      const stranger = wechat.mocker.createContact();
      const greeting = inbox(wechat.botUser, stranger);
      await requestFriendship(wechat, stranger);
      await settle(wechat);
      expect(greeting).toEqual([]);
    } finally {
      await wechat.stop();
    }
  });
});
