/**
 * Scripted conversations as data (test/bot/conversations/*.yaml): each line a
 * founder says, and fragments the bot's replies must (or must not) contain.
 * `answer` steps reply to whatever the bot asks from the fixture's profile, so
 * the scripts hold however the rules engine orders its questions.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { ChatAddress } from '../../bot/dialogue/dialogue-service';
import { terminalAddress } from '../../bot/terminal-chat';
import type { Answers, FactValue } from '../../rules/catalogue';
import { ChatWorld, currentQuestion, openChatWorld, personaAnswers, replyFor } from './support/chat-world';
import { describeTarget } from '../support/test-database';

interface Step {
  say?: string;
  /** Answer the current question from `profile` (or with `phrasings`). */
  answer?: boolean;
  /** Keep answering until no question is open. */
  answer_all?: boolean;
  expect?: string[];
  reject?: string[];
  /** Stored answers must include these. */
  expect_profile?: Answers;
}

interface Conversation {
  name: string;
  as_of?: string;
  user?: string;
  /** The chat channel (default: the terminal); `wechat` plays a Wechaty contact. */
  channel?: 'terminal' | 'wechat';
  /** Answers for `answer` steps: a persona of test/fixtures/personas, then `profile` on top. */
  persona?: string;
  profile?: Record<string, FactValue>;
  phrasings?: Record<string, string>;
  turns: Step[];
}

const dir = path.join(__dirname, 'conversations');
const conversations = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, conversation: YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Conversation }));

/** Safety net for answer_all: no assessment should take this many questions. */
const MAX_QUESTIONS = 60;

async function play(world: ChatWorld, conversation: Conversation): Promise<void> {
  const user = conversation.user ?? 'founder';
  const address: ChatAddress =
    conversation.channel === 'wechat'
      ? { channelKey: `wechaty:${user}`, identity: { channel: 'wechat', contactId: user } }
      : terminalAddress(user);
  const transcript: string[] = [];
  const say = async (line: string) => {
    const replies = await world.dialogue.receive(address, line);
    transcript.push(`> ${line}`, ...replies);
    return replies.join('\n');
  };
  const profile = { ...(conversation.persona ? personaAnswers(conversation.persona) : {}), ...conversation.profile };
  const answerNow = async (): Promise<string | null> => {
    const fact = await currentQuestion(world, address.channelKey);
    if (!fact) return null;
    return say(conversation.phrasings?.[fact] ?? replyFor(world, fact, profile[fact]));
  };

  for (const [index, step] of conversation.turns.entries()) {
    let replies = '';
    if (step.say !== undefined) replies = await say(step.say);
    if (step.answer) {
      const answered = await answerNow();
      if (answered === null) throw new Error(`step ${index + 1}: no question is open\n${transcript.join('\n')}`);
      replies = answered;
    }
    if (step.answer_all) {
      for (let asked = 0; asked < MAX_QUESTIONS; asked += 1) {
        const answered = await answerNow();
        if (answered === null) break;
        replies = answered;
      }
    }
    const where = `step ${index + 1} of ${conversation.name}\n--- transcript ---\n${transcript.join('\n')}`;
    for (const fragment of step.expect ?? []) {
      if (!replies.includes(fragment)) throw new Error(`expected “${fragment}” in the replies at ${where}`);
    }
    for (const fragment of step.reject ?? []) {
      if (replies.includes(fragment)) throw new Error(`did not expect “${fragment}” in the replies at ${where}`);
    }
    if (step.expect_profile) {
      const founder = await world.services.founders.findOrCreate(address.identity);
      expect(await world.services.profiles.answers(founder.id)).toMatchObject(step.expect_profile);
    }
  }
}

describe(`scripted conversations on ${describeTarget()}`, () => {
  it.each(conversations.map(({ file, conversation }) => [conversation.name, file, conversation] as const))(
    '%s (%s)',
    async (_name, _file, conversation) => {
      const world = await openChatWorld(conversation.as_of);
      try {
        await play(world, conversation);
      } finally {
        await world.close();
      }
    },
  );
});
