/**
 * The terminal channel: one message per input line, the replies on the
 * output, one turn at a time. Works the same on a TTY and on piped input;
 * resolves when the input ends.
 */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatAddress } from './dialogue/dialogue-service';

export interface TerminalChatOptions {
  input: Readable;
  output: Writable;
  dialogue: { receive(address: ChatAddress, message: string): Promise<string[]> };
  user: string;
  /** Show a "> " prompt (only makes sense on a TTY). */
  prompt?: boolean;
}

export function terminalAddress(user: string): ChatAddress {
  return { channelKey: `terminal:${user}`, identity: { channel: 'terminal', user } };
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { input, output, dialogue, user } = options;
  const lines = readline.createInterface({ input, terminal: false, crlfDelay: Infinity });
  const address = terminalAddress(user);
  const prompt = () => {
    if (options.prompt) output.write('> ');
  };
  prompt();
  for await (const line of lines) {
    if (line.trim().length === 0) {
      prompt();
      continue;
    }
    const replies = await dialogue.receive(address, line);
    // A blank line between messages, as separate chat bubbles would be.
    output.write(`${replies.join('\n\n')}\n\n`);
    prompt();
  }
}
