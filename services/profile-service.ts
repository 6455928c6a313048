/**
 * A founder's stored answers (their profile). Values are validated against
 * the fact vocabulary by the rules engine before they reach this service.
 */
import { DataSource, EntityManager, In } from 'typeorm';
import { FactAnswer } from '../entities';
import type { AnswerChannel } from '../entities/fact-answer';
import { dbTime, Dialect, dialectOf, retryOnLockConflict, select } from '../db/sql';
import type { Answers, FactValue } from '../rules/catalogue';
import type { Clock } from './clock';

// Both exported for bench:api's stack floor, which runs an answer's statements without the app.
export const PROFILE_ANSWERS = 'SELECT `fact`, `value` FROM `fact_answer` WHERE `founderId` = ? ORDER BY `fact`';

/** Adds answers or replaces them by (founderId, fact), in one statement on either database. */
export function upsertAnswers(dialect: Dialect, rows: number): string {
  const onConflict =
    dialect === 'sqlite'
      ? 'ON CONFLICT (`founderId`, `fact`) DO UPDATE SET `value` = excluded.`value`, `answeredAt` = excluded.`answeredAt`, `channel` = excluded.`channel`'
      : 'ON DUPLICATE KEY UPDATE `value` = VALUES(`value`), `answeredAt` = VALUES(`answeredAt`), `channel` = VALUES(`channel`)';
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ');
  return `INSERT INTO \`fact_answer\` (\`founderId\`, \`fact\`, \`value\`, \`answeredAt\`, \`channel\`) VALUES ${values} ${onConflict}`;
}

export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Read on every assessment step and chat turn: a constant statement, no query building. */
  async answers(founderId: string): Promise<Answers> {
    const rows = await select<{ fact: string; value: string }>(this.dataSource.manager, PROFILE_ANSWERS, [founderId]);
    // `value` is a simple-json column: JSON text on both databases.
    return Object.fromEntries(rows.map((row) => [row.fact, JSON.parse(row.value) as FactValue]));
  }

  /** Adds or replaces the given answers; others stay as they are. */
  async save(founderId: string, answers: Answers, channel: AnswerChannel): Promise<Answers> {
    await this.record(this.dataSource.manager, founderId, answers, channel);
    return this.answers(founderId);
  }

  /**
   * `save` without reading the profile back, also inside a caller's
   * transaction (for a use case that writes more than answers, all or nothing).
   * One upsert on (founderId, fact): the same founder answering twice at once
   * (a double tap, the bot beside the mini-program) queues on the row instead
   * of deadlocking as delete-then-insert did on InnoDB. Raw SQL because it
   * runs on every assessment step, where TypeORM's upsert building cost more
   * than the write itself.
   */
  async record(manager: EntityManager, founderId: string, answers: Answers, channel: AnswerChannel): Promise<void> {
    const facts = Object.keys(answers);
    if (facts.length === 0) return;
    const answeredAt = dbTime(this.clock.now());
    // `value` is a simple-json column: JSON text, as TypeORM would write it.
    const parameters = facts.flatMap((fact) => [founderId, fact, JSON.stringify(answers[fact]), answeredAt, channel]);
    await manager.query(upsertAnswers(dialectOf(manager), facts.length), parameters);
  }

  /** Makes the profile exactly these answers (PUT semantics). */
  async replace(founderId: string, answers: Answers, channel: AnswerChannel): Promise<Answers> {
    // Two replacements at once may deadlock on InnoDB; the loser runs again, writing the same rows.
    await retryOnLockConflict(() =>
      this.dataSource.transaction(async (manager) => {
        await manager.delete(FactAnswer, { founderId });
        await this.record(manager, founderId, answers, channel);
      }),
    );
    return this.answers(founderId);
  }

  async forget(founderId: string, facts: string[]): Promise<Answers> {
    await this.withdraw(this.dataSource.manager, founderId, facts);
    return this.answers(founderId);
  }

  /** `forget` inside the caller's transaction, without reading the profile back. */
  async withdraw(manager: EntityManager, founderId: string, facts: string[]): Promise<void> {
    if (facts.length > 0) await manager.delete(FactAnswer, { founderId, fact: In(facts) });
  }
}
