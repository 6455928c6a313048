/**
 * The application tracker in chat. Some days after a deadline the reminders
 * ask "您提交申请了吗？"; the founder answers "已申请" / "未申请" with no policy
 * named, so the answer goes to the question asked most recently. "我的申请"
 * lists every record.
 */
import type { ApplicationEntry } from '../../services/application-tracker-service';
import { text } from '../messages';
import type { DialogueContext } from './context';

/** The title in force, or the id when the policy has left the catalogue (the record outlives it). */
function quotedTitle(ctx: DialogueContext, policyId: string): string {
  const policy = ctx.ports.catalogue().policies.find((candidate) => candidate.id === policyId);
  return text.quotedTitle(policy?.title ?? policyId);
}

export async function recordAnswer(ctx: DialogueContext, applied: boolean): Promise<string[]> {
  const [newest, ...others] = await ctx.ports.askedApplications(ctx.founderId);
  if (!newest) return [text.nothingToRecord];
  await ctx.ports.recordApplication(ctx.founderId, newest.policyId, newest.windowKey, applied);
  const recorded = text.applicationRecorded(quotedTitle(ctx, newest.policyId), applied);
  if (others.length === 0) return [recorded];
  return [[recorded, text.applicationsStillAsked(others.map((entry) => quotedTitle(ctx, entry.policyId)))].join('\n')];
}

function line(ctx: DialogueContext, entry: ApplicationEntry): string {
  const title = quotedTitle(ctx, entry.policyId);
  const named = entry.closesOn ? text.paren(title, text.windowRange(undefined, entry.closesOn)) : title;
  return text.bullet(text.labelled(named, text.applicationStatus[entry.status] ?? entry.status));
}

export async function showApplications(ctx: DialogueContext): Promise<string[]> {
  const entries = await ctx.ports.applications(ctx.founderId);
  if (entries.length === 0) return [text.applicationsEmpty];
  const lines = [text.applicationsTitle(entries.length), ...entries.map((entry) => line(ctx, entry))];
  if (entries.some((entry) => entry.status === 'asked')) lines.push(text.applicationsAskedHint);
  return [lines.join('\n')];
}
