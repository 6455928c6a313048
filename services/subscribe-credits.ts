/**
 * The one place that reads and writes subscribe_credit (one-time
 * subscribeMessage acceptances, issue 21): the subscription service adds a
 * credit per acceptance, the planner asks what founders hold, the sender
 * spends one per message and empties a template on 43101.
 */
import { EntityManager, In } from 'typeorm';
import { chunks, execute } from '../db/sql';
import { SubscribeCredit } from '../entities';

/** Founders asked about per query. */
const FOUNDER_CHUNK = 500;

/** Unspent credits, founder → template → count. */
export async function creditsByTemplate(
  manager: EntityManager,
  founderIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const credits = new Map<string, Map<string, number>>();
  for (const ids of chunks(founderIds, FOUNDER_CHUNK)) {
    for (const row of await manager.find(SubscribeCredit, { where: { founderId: In(ids) } })) {
      const byTemplate = credits.get(row.founderId) ?? new Map<string, number>();
      byTemplate.set(row.templateId, row.credits);
      credits.set(row.founderId, byTemplate);
    }
  }
  return credits;
}

/** One founder's unspent credits, template → count (empty when there are none). */
export async function founderCredits(manager: EntityManager, founderId: string): Promise<Map<string, number>> {
  return (await creditsByTemplate(manager, [founderId])).get(founderId) ?? new Map<string, number>();
}

/** Unspent credits per founder, over all their templates. */
export async function creditsPerFounder(
  manager: EntityManager,
  founderIds: readonly string[],
): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const [founderId, byTemplate] of await creditsByTemplate(manager, founderIds)) {
    totals.set(
      founderId,
      [...byTemplate.values()].reduce((sum, n) => sum + n, 0),
    );
  }
  return totals;
}

/** One more acceptance of a template: one more message it may carry. */
export async function addCredit(manager: EntityManager, founderId: string, templateId: string): Promise<void> {
  const { affected } = await execute(
    manager,
    'UPDATE `subscribe_credit` SET `credits` = `credits` + 1 WHERE `founderId` = ? AND `templateId` = ?',
    [founderId, templateId],
  );
  if (affected === 0) await manager.insert(SubscribeCredit, { founderId, templateId, credits: 1 });
}

/** A message sent with the template: one credit used. */
export async function spendCredit(manager: EntityManager, founderId: string, templateId: string): Promise<void> {
  await execute(
    manager,
    'UPDATE `subscribe_credit` SET `credits` = `credits` - 1 WHERE `founderId` = ? AND `templateId` = ? AND `credits` > 0',
    [founderId, templateId],
  );
}

/** WeChat said 43101: whatever we counted, the template's acceptances are used up. */
export async function emptyCredits(manager: EntityManager, founderId: string, templateId: string): Promise<void> {
  await execute(manager, 'UPDATE `subscribe_credit` SET `credits` = 0 WHERE `founderId` = ? AND `templateId` = ?', [
    founderId,
    templateId,
  ]);
}
