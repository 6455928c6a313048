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
import type { FittingPolicies } from './fitting-policies';
import { ReminderDelivery } from '../entities';
import { chunks, dbTime, dialectOf, execute, indexHint, insertIgnore, placeholders, select } from '../db/sql';

export interface PlanSettings {
  /** Days before a deadline to remind (REMINDER_OFFSETS). */
  offsets: readonly number[];
  /** Days after a deadline to ask whether the founder applied. */
  followUpDays: number;
  quietHours: QuietHours;
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

  // Founders subscribed to the policy itself: one set-based statement per offset day.
  for (const [closesOn, offset] of offsetOf) {
    if (!windows.some((w) => w.closesOn === closesOn)) continue;
    const { affected } = await execute(
      manager,
      `${insert} SELECT s.\`founderId\`, w.\`policyId\`, w.\`windowKey\`, ?, s.\`channel\`, 'reminder', w.\`closesOn\`, 'pending', 0, ?
       FROM \`application_window\` w JOIN \`subscription\` s ON s.\`scope\` = w.\`policyId\`
       WHERE w.\`closesOn\` = ? AND s.\`status\` = 'active'`,
      [offset, due, closesOn],
    );
    counts.subscribed += affected;
  }
  if (windows.length > 0) progress(`subscribed to the policy: ${counts.subscribed} new reminder(s)`);

  if (windows.length > 0)
    await planFitting({ manager, windows, offsetOf, today, due, insert, verdicts, counts, hooks });

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
  const { manager, windows, offsetOf, today, due, insert, verdicts, counts, hooks } = plan;
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
    const rows: unknown[][] = [];
    for (const [founderId, policies] of fitting) {
      for (const window of windows.filter((w) => policies.has(w.policyId))) {
        for (const channel of channelsOf.get(founderId) ?? []) {
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
    for (const batch of chunks(rows, ROW_CHUNK)) {
      const values = batch.map(() => `(${placeholders(10)})`).join(', ');
      counts.fitting += (await execute(manager, `${insert} VALUES ${values}`, batch.flat())).affected;
    }
  }
  hooks.progress?.(
    `"everything that fits me": ${counts.candidates} founder(s) checked, ${counts.fitting} new reminder(s)`,
  );
}

/**
 * One follow-up per founder and window they were reminded of (by any channel),
 * unless they already told us whether they applied. The bot can take the
 * answer, so it goes by WeChat when the founder was reminded there
 * ('wechat' sorts after 'miniprogram').
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
    `${insert} SELECT r.\`founderId\`, r.\`policyId\`, r.\`windowKey\`, ?, MAX(r.\`channel\`), 'follow_up', r.\`closesOn\`, 'pending', 0, ?
     FROM \`reminder_delivery\` r ${indexHint(manager, ReminderDelivery, ['closesOn'])}
     WHERE r.\`closesOn\` = ? AND r.\`kind\` = 'reminder' AND r.\`status\` = 'sent'
       AND NOT EXISTS (SELECT 1 FROM \`application_record\` a
         WHERE a.\`founderId\` = r.\`founderId\` AND a.\`policyId\` = r.\`policyId\` AND a.\`windowKey\` = r.\`windowKey\` AND a.\`status\` <> 'asked')
     GROUP BY r.\`founderId\`, r.\`policyId\`, r.\`windowKey\`, r.\`closesOn\``,
    [-days, due, closedOn],
  );
  return affected;
}
