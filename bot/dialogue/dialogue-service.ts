/**
 * The engine behind a session store: finds the founder behind a chat, loads
 * the chat's state (migrating an older version, or restarting it with an
 * apology), runs one turn and saves the new state with an optimistic revision
 * check. Messages of one chat are handled one at a time in this process; a
 * conflict with another process is retried on fresh state. Nothing a founder
 * types can crash it: unexpected errors become a short apology.
 */
import { randomUUID } from 'node:crypto';
import { loggableError } from '../../logging/loggable-error';
import type { Logger } from '../../logging/logger';
import { ConversationStore, SessionConflictError } from '../../services/conversation-store';
import type { ChatChannel } from '../../channels/registry';
import type { ChannelIdentity } from '../../services/founder-service';
import { writeScript } from '../chinese-script';
import { text } from '../messages';
import { handle } from './engine';
import type { DialoguePorts } from './ports';
import { initialState, restoreState, serializeState, STATE_VERSION } from './state';

export interface ChatAddress {
  /** `wechaty:<contact id>`, `room:<room id>:<contact id>`, `terminal:<user>`. */
  channelKey: string;
  identity: Extract<ChannelIdentity, { channel: ChatChannel }>;
}

export interface DialogueServiceDependencies {
  store: ConversationStore;
  founders: { findOrCreate(identity: ChannelIdentity): Promise<{ id: string }> };
  ports: DialoguePorts;
  logger: Logger;
}

const ATTEMPTS = 3;

export class DialogueService {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: DialogueServiceDependencies) {}

  /** Handles one incoming message; resolves with the messages to send back. */
  receive(address: ChatAddress, message: string): Promise<string[]> {
    const previous = this.chains.get(address.channelKey) ?? Promise.resolve();
    const next = previous.then(
      () => this.withRetries(address, message),
      () => this.withRetries(address, message),
    );
    this.chains.set(address.channelKey, next);
    void next.finally(() => {
      if (this.chains.get(address.channelKey) === next) this.chains.delete(address.channelKey);
    });
    return next;
  }

  private async withRetries(address: ChatAddress, message: string): Promise<string[]> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      try {
        return await this.turn(address, message);
      } catch (error) {
        if (error instanceof SessionConflictError) continue;
        // The adapter's error boundary: the error's class and frames, the channel and a turn id to
        // find the line by. Never the message, nor the error's own text (a driver's can quote an
        // openid or the founder's answer).
        this.deps.logger.error(
          { err: loggableError(error), turn: randomUUID(), channel: address.identity.channel },
          'dialogue turn failed',
        );
        return [text.sorry];
      }
    }
    return [text.busy];
  }

  private async turn(address: ChatAddress, message: string): Promise<string[]> {
    const { store, founders, ports } = this.deps;
    const founder = await founders.findOrCreate(address.identity);
    const stored = await store.load(address.channelKey);
    const restored =
      stored && stored.founderId === founder.id
        ? restoreState(stored.stateVersion, stored.state)
        : { state: initialState(), reset: false };
    const result = await handle(restored.state, message, {
      founderId: founder.id,
      channel: address.identity.channel,
      ports,
      firstContact: !stored,
    });
    if (!result.erased) {
      await store.save(
        {
          channelKey: address.channelKey,
          founderId: founder.id,
          stateVersion: STATE_VERSION,
          state: serializeState(result.state),
        },
        stored?.revision ?? null,
      );
    }
    const notice = restored.reset ? [writeScript(text.stateReset, result.state.script)] : [];
    return [...notice, ...result.replies];
  }
}
