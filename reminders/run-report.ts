/**
 * The CLI's summary of one run, for an operator reading a terminal:
 * planned / sent / skipped / failed, and what a dry run would have sent.
 */
import { shanghaiDate, shanghaiTime } from '../services/clock';
import type { RunSummary } from './runner';

export function runHeader(at: Date, dryRun: boolean): string {
  return `reminders for ${shanghaiDate(at)} ${shanghaiTime(at)} Asia/Shanghai (${at.toISOString()})${dryRun ? ' — dry run, nothing is written or sent' : ''}`;
}

export function channelLines(
  available: readonly string[],
  unavailable: readonly { channel: string; reason: string }[],
): string[] {
  return [
    `channels: ${available.length > 0 ? available.join(', ') : 'none available'}`,
    ...unavailable.map(
      ({ channel, reason }) => `  note: ${channel} is unavailable (${reason}); its reminders stay pending`,
    ),
  ];
}

export function summaryLines(summary: RunSummary): string[] {
  if (summary.status === 'busy') {
    const held = summary.heldBy
      ? ` (${summary.heldBy.holder}, until ${summary.heldBy.expiresAt.toISOString()} unless renewed)`
      : '';
    return [`another runner holds the reminders lease${held}; nothing done: run again when it has finished`];
  }
  const plan = summary.plan;
  const rows: [string, string][] = [];
  const planDetail = plan
    ? `(${plan.windows} window(s) due; subscribed ${plan.subscribed}, fitting ${plan.fitting} of ${plan.candidates} checked, follow-ups ${plan.followUps})`
    : '';
  rows.push(['planned', `${summary.planned} ${planDetail}${summary.status === 'dry_run' ? ' — rolled back' : ''}`]);
  if (summary.status === 'dry_run') {
    const due = Object.entries(summary.due ?? {});
    rows.push([
      'due now',
      due.length === 0
        ? '0'
        : due.map(([channel, d]) => `${channel}: ${d.rows} to ${d.founders} founder(s)`).join('; '),
    ]);
    rows.push(['sent', '0 (dry run)']);
  } else {
    const { send } = summary;
    if (summary.reclaimed) rows.push(['reclaimed', `${summary.reclaimed} (claimed by a runner that stopped)`]);
    rows.push(['sent', `${send.sent} in ${send.messages} message(s)`]);
    rows.push([
      'skipped',
      `${send.skipped + send.refused + summary.overdue} (cancelled ${send.skipped}, refused ${send.refused}, deadline passed ${summary.overdue})`,
    ]);
    if (send.rerouted)
      rows.push(['rerouted', `${send.rerouted} (customer-service window closed: sent by another channel)`]);
    rows.push([
      'deferred',
      `${send.deferred} (daily cap or quiet hours)${send.stopped ? `; stopped: ${send.stopped.replace('_', ' ')}` : ''}`,
    ]);
    rows.push(['failed', `${send.failed} (will retry ${send.failed - send.gaveUp}, gave up ${send.gaveUp})`]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return ['summary', ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)];
}
