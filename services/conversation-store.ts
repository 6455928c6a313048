/**
 * Storage port for chat sessions (grammY's StorageAdapter idea): the dialogue
 * engine's state as versioned JSON per channel key. Writes are optimistic:
 * a save names the revision it read, and loses (SessionConflictError) when
 * another message of the same chat saved in between, so the caller can retry
 * on fresh state instead of overwriting it.
 */
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../db/sql';
import { ConversationSession } from '../entities';

export interface StoredSession {
  channelKey: string;
  founderId: string;
  stateVersion: number;
  /** The state as stored: JSON text, parsed by the engine that owns its shape. */
  state: string;
  revision: number;
}

export class SessionConflictError extends Error {
  constructor(readonly channelKey: string) {
    super('the chat session changed while this message was handled');
    this.name = 'SessionConflictError';
  }
}

export class ConversationStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(channelKey: string): Promise<StoredSession | null> {
    const row = await this.dataSource.manager.findOneBy(ConversationSession, { channelKey });
    if (!row) return null;
    return {
      channelKey: row.channelKey,
      founderId: row.founderId,
      stateVersion: row.stateVersion,
      state: row.state,
      revision: row.revision,
    };
  }

  /**
   * Writes the state. `expectedRevision` is the revision that was loaded, or
   * null when there was no session: then the row must not exist yet.
   */
  async save(session: Omit<StoredSession, 'revision'>, expectedRevision: number | null): Promise<void> {
    const manager = this.dataSource.manager;
    if (expectedRevision === null) {
      try {
        await manager.insert(ConversationSession, { ...session, revision: 1 });
      } catch (error) {
        // The unique channelKey: another message created the session first.
        if (isUniqueViolation(error)) throw new SessionConflictError(session.channelKey);
        throw error;
      }
      return;
    }
    const result = await manager
      .createQueryBuilder()
      .update(ConversationSession)
      .set({
        founderId: session.founderId,
        stateVersion: session.stateVersion,
        state: session.state,
        revision: expectedRevision + 1,
      })
      .where('channelKey = :channelKey AND revision = :expectedRevision', {
        channelKey: session.channelKey,
        expectedRevision,
      })
      .execute();
    if (result.affected !== 1) throw new SessionConflictError(session.channelKey);
  }

  async remove(channelKey: string): Promise<void> {
    await this.dataSource.manager.delete(ConversationSession, { channelKey });
  }
}
