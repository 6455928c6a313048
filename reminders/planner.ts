/**
 * The daily plan: writes the outbox rows (ReminderDelivery, status pending)
 * for one moment, before anything is sent. Every insert ignores rows already
 * there (the unique key), so planning twice — a restart, a second replica, the
 * CLI beside the service — adds nothing.
 *
 * Cost follows the reminders due: windows are found by their closing date
 * (indexed), subscriptions by scope (indexed); founders are never scanned.
 */
import type { EntityManager } from 'typeorm';
import { ALL_FITTING } from '../entities/subscription';
import { shanghaiDate } from '../services/clock';
import { addDays, outsideQuietHours, QuietHours } from './calendar';
import { worthACredit } from '../services/credit-budget';
import { creditsPerFounder } from '../services/subscribe-credits';
import { preferredFollowUpChannelSql } from '../channels/registry';
import type { FittingPolicies } from './fitting-policies';
import { ReminderDelivery } from '../entities';
import { chunks, dbTime, dialectOf, execute, indexHint, insertIgnore, placeholders, select } from '../db/sql';

export interface PlanSettings {
  /** Days before a deadline to remind (REMINDER_OFFSETS). */
  offsets: readonly number[];
  /** Days after a deadline to ask whether the founder applied. */
  followUpDays: number;
  quietHours: QuietHours;
  /** One-time subscribeMessage credits decide which mini-program reminders are planned (credit-budget.ts). */
  subscribeCredits?: boolean;
}

export interface PlanCounts {
  /** Windows closing on one of the offset days. */
  windows: number;
  /** New reminder rows for founders subscribed to the policy itself. */
  subscribed: number;
  /** Founders with an "everything that fits me" subscription whose verdicts were checked. */
  candidates: number;
  /** New reminder rows for those whose verdict is eligible or maybe. */
  fitting: number;
  /** New follow-up rows ("did you apply?"). */
  followUps: number;
}

interface DueWindow {
  policyId: string;
  windowKey: string;
  closesOn: string;
}

const COLUMNS =
  '(`founderId`, `policyId`, `windowKey`, `offsetDays`, `channel`, `kind`, `closesOn`, `status`, `attempts`, `nextAttemptAt`)';
const FOUNDER_CHUNK = 500;
const FOLLOW_UP_CHANNEL = preferredFollowUpChannelSql('r.`channel`');
const ROW_CHUNK = 500;

export interface PlanHooks {
  progress?: (line: string) => void;
  /** Renews the runner's lease; false = another runner took over, stop planning. */
  keepAlive?: () => Promise<boolean>;
}

/** The lease was lost mid-plan: the new holder plans (and planning twice adds nothing). */
export class LeaseLostError extends Error {
  constructor() {
    super('the reminders lease was taken over during planning');
    this.name = 'LeaseLostError';
  }
}

interface FittingPlan {
  settings: PlanSettings;
  manager: EntityManager;
  windows: DueWindow[];
  offsetOf: Map<string, number>;
  today: string;
  due: string;
  insert: string;
  verdicts: FittingPolicies;
  counts: PlanCounts;
  hooks: PlanHooks;
}

export async function planReminders(
  manager: EntityManager,
  at: Date,
  settings: PlanSettings,
  verdicts: FittingPolicies,
  hooks: PlanHooks = {},
): Promise<PlanCounts> {
  const progress = hooks.progress ?? (() => undefined);
  const today = shanghaiDate(at);
  const due = dbTime(outsideQuietHours(at, settings.quietHours));
  const insert = `${insertIgnore(dialectOf(manager))} INTO \`reminder_delivery\` ${COLUMNS}`;
  const counts: PlanCounts = { windows: 0, subscribed: 0, candidates: 0, fitting: 0, followUps: 0 };

  const offsetOf = new Map(settings.offsets.map((offset) => [addDays(today, offset), offset]));
  const windows = await select<DueWindow>(
    manager,
    `SELECT \`policyId\`, \`windowKey\`, \`closesOn\` FROM \`application_window\` WHERE \`closesOn\` IN (${placeholders(offsetOf.size)}) ORDER BY \`closesOn\`, \`policyId\``,
    [...offsetOf.keys()],
  );
  counts.windows = windows.length;
  progress(`${today}: ${windows.length} window(s) close in ${settings.offsets.join('/')} day(s)`);

  // Founders subscribed to the policy itself: one set-based statement per offset day
  // (mini-program founders with one-time subscriptions: by their credits, below).
  const credited = settings.subscribeCredits === true;
  for (const [closesOn, offset] of offsetOf) {
    if (!windows.some((w) => w.closesOn === closesOn)) continue;
    const { affected } = await execute(
      manager,
      `${insert} SELECT s.\`founderId\`, w.\`policyId\`, w.\`windowKey\`, ?, s.\`channel\`, 'reminder', w.\`closesOn\`, 'pending', 0, ?
       FROM \`application_window\` w JOIN \`subscription\` s ON s.\`scope\` = w.\`policyId\`
       WHERE w.\`closesOn\` = ? AND s.\`status\` = 'active'${credited ? " AND s.`channel` <> 'miniprogram'" : ''}`,
      [offset, due, closesOn],
    );
    counts.subscribed += affected;
    if (credited) counts.subscribed += await planCredited(manager, closesOn, offset, settings.offsets, due, insert);
  }
  if (windows.length > 0) progress(`subscribed to the policy: ${counts.subscribed} new reminder(s)`);

  if (windows.length > 0)
    await planFitting({ settings, manager, windows, offsetOf, today, due, insert, verdicts, counts, hooks });

  counts.followUps = await planFollowUps(
    manager,
    addDays(today, -settings.followUpDays),
    settings.followUpDays,
    due,
    insert,
  );
  progress(`follow-ups for windows closed on ${addDays(today, -settings.followUpDays)}: ${counts.followUps} new`);
  return counts;
}

/** "Everything that fits me": evaluate only these candidates, only for the due policies. */
async function planFitting(plan: FittingPlan): Promise<void> {
  const { settings, manager, windows, offsetOf, today, due, insert, verdicts, counts, hooks } = plan;
  // One indexed read of the '*' subscribers (about 100 bytes each in memory), then chunks.
  const subscribers = await select<{ founderId: string; channel: string }>(
    manager,
    'SELECT `founderId`, `channel` FROM `subscription` WHERE `scope` = ? AND `status` = ?',
    [ALL_FITTING, 'active'],
  );
  const channelsOf = new Map<string, string[]>();
  for (const row of subscribers) channelsOf.set(row.founderId, [...(channelsOf.get(row.founderId) ?? []), row.channel]);
  counts.candidates = channelsOf.size;
  const policyIds = [...new Set(windows.map((w) => w.policyId))];
  for (const founderIds of chunks([...channelsOf.keys()].sort(), FOUNDER_CHUNK)) {
    // Verdicts for many founders take a while: keep the lease, or stop if it is gone.
    if (hooks.keepAlive && !(await hooks.keepAlive())) throw new LeaseLostError();
    const fitting = await verdicts.fitting(manager, founderIds, policyIds, today);
    const credits = settings.subscribeCredits ? await creditsPerFounder(manager, [...fitting.keys()]) : null;
    const rows: unknown[][] = [];
    for (const [founderId, policies] of fitting) {
      for (const window of windows.filter((w) => policies.has(w.policyId))) {
        for (const channel of channelsOf.get(founderId) ?? []) {
          const offset = offsetOf.get(window.closesOn)!;
          if (
            credits &&
            channel === 'miniprogram' &&
            !worthACredit(settings.offsets, offset, credits.get(founderId) ?? 0)
          )
            continue;
          rows.push([
            founderId,
            window.policyId,
            window.windowKey,
            offsetOf.get(window.closesOn),
            channel,
            'reminder',
            window.closesOn,
            'pending',
            0,
            due,
          ]);
        }
      }
    }
    counts.fitting += await insertRows(manager, insert, rows);
  }
  hooks.progress?.(
    `"everything that fits me": ${counts.candidates} founder(s) checked, ${counts.fitting} new reminder(s)`,
  );
}

/**
 * Mini-program founders subscribed to a policy whose window closes `offset`
 * days from now: planned only where their one-time credits should be spent.
 */
async function planCredited(
  manager: EntityManager,
  closesOn: string,
  offset: number,
  offsets: readonly number[],
  due: string,
  insert: string,
): Promise<number> {
  const subscribed = await select<{ founderId: string; policyId: string; windowKey: string }>(
    manager,
    `SELECT s.\`founderId\`, w.\`policyId\`, w.\`windowKey\`
     FROM \`application_window\` w JOIN \`subscription\` s ON s.\`scope\` = w.\`policyId\`
     WHERE w.\`closesOn\` = ? AND s.\`status\` = 'active' AND s.\`channel\` = 'miniprogram'`,
    [closesOn],
  );
  if (subscribed.length === 0) return 0;
  const credits = await creditsPerFounder(manager, [...new Set(subscribed.map((row) => row.founderId))]);
  const rows = subscribed
    .filter((row) => worthACredit(offsets, offset, credits.get(row.founderId) ?? 0))
    .map((row) => [
      row.founderId,
      row.policyId,
      row.windowKey,
      offset,
      'miniprogram',
      'reminder',
      closesOn,
      'pending',
      0,
      due,
    ]);
  return insertRows(manager, insert, rows);
}

/** Outbox rows (the ten COLUMNS each), inserted in chunks; returns how many were new. */
async function insertRows(manager: EntityManager, insert: string, rows: readonly unknown[][]): Promise<number> {
  let affected = 0;
  for (const batch of chunks(rows, ROW_CHUNK)) {
    const values = batch.map(() => `(${placeholders(10)})`).join(', ');
    affected += (await execute(manager, `${insert} VALUES ${values}`, batch.flat())).affected;
  }
  return affected;
}

/**
 * One follow-up per founder and window they were reminded of (by any channel),
 * unless they already told us whether they applied. It goes by the channel the
 * registry ranks first for follow-ups among those (a chat can take the answer).
 */
async function planFollowUps(
  manager: EntityManager,
  closedOn: string,
  days: number,
  due: string,
  insert: string,
): Promise<number> {
  const { affected } = await execute(
    manager,
    `${insert} SELECT r.\`founderId\`, r.\`policyId\`, r.\`windowKey\`, ?, ${FOLLOW_UP_CHANNEL}, 'follow_up', r.\`closesOn\`, 'pending', 0, ?
     FROM \`reminder_delivery\` r ${indexHint(manager, ReminderDelivery, ['closesOn'])}
     WHERE r.\`closesOn\` = ? AND r.\`kind\` = 'reminder' AND r.\`status\` = 'sent'
       AND NOT EXISTS (SELECT 1 FROM \`application_record\` a
         WHERE a.\`founderId\` = r.\`founderId\` AND a.\`policyId\` = r.\`policyId\` AND a.\`windowKey\` = r.\`windowKey\` AND a.\`status\` <> 'asked')
     GROUP BY r.\`founderId\`, r.\`policyId\`, r.\`windowKey\`, r.\`closesOn\``,
    [-days, due, closedOn],
  );
  return affected;
}
