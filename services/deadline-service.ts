/**
 * The founder's relevant deadlines: every upcoming dated window of the
 * policies they subscribed to, or whose verdict on their answers is eligible
 * or maybe. Rolling windows have no deadline and are left out.
 */
import type { Answers, IsoDate } from '../rules/catalogue';
import type { EligibilityService } from './eligibility-service';
import { upcomingWindows } from './policy-windows';
import type { ProfileEditorService } from './profile-editor-service';
import type { SubscriptionService } from './subscription-service';

export interface Deadline {
  policyId: string;
  title: string;
  windowKey: string;
  opensOn: IsoDate | null;
  closesOn: IsoDate;
  note: string | null;
  benefit: string;
  applyUrl: string | null;
  /** Why it is in the founder's calendar. */
  reason: 'eligible' | 'maybe' | 'subscribed';
}

export class DeadlineService {
  constructor(
    private readonly eligibility: EligibilityService,
    private readonly profiles: ProfileEditorService,
    private readonly subscriptions: SubscriptionService,
  ) {}

  async forFounder(founderId: string, asOf: IsoDate = this.eligibility.today()): Promise<Deadline[]> {
    const [answers, subscriptions] = await Promise.all([
      this.profiles.usableAnswers(founderId),
      this.subscriptions.list(founderId),
    ]);
    const subscribed = subscriptions.map((s) => s.scope).filter((scope) => scope !== '*');
    return this.forAnswers(answers, asOf, subscribed);
  }

  /**
   * The deadlines that fit these answers, with no founder behind them (the web
   * page's calendar, made from the answers kept in the browser).
   */
  forAnswers(
    answers: Answers,
    asOf: IsoDate = this.eligibility.today(),
    subscribed: readonly string[] = [],
  ): Deadline[] {
    const reasons = new Map<string, Deadline['reason']>();
    const { evaluation } = this.eligibility.check({ answers, asOf });
    for (const result of evaluation.results) {
      // Only what may fit: not_eligible and not_in_force (no version on the date) do not.
      if (result.status === 'eligible' || result.status === 'maybe') reasons.set(result.policy, result.status);
    }
    for (const policyId of subscribed) if (!reasons.has(policyId)) reasons.set(policyId, 'subscribed');
    const deadlines: Deadline[] = [];
    for (const [policyId, reason] of reasons) {
      const policy = this.eligibility.catalogue().policies.find((p) => p.id === policyId);
      if (!policy) continue;
      for (const window of upcomingWindows(policy, asOf)) {
        if (window.rolling || window.closesOn === null) continue;
        deadlines.push({
          policyId,
          title: policy.title,
          windowKey: window.windowKey,
          opensOn: window.opensOn,
          closesOn: window.closesOn,
          note: window.note,
          benefit: policy.benefit.description,
          applyUrl: policy.how_to_apply.url ?? null,
          reason,
        });
      }
    }
    return deadlines.sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.policyId.localeCompare(b.policyId));
  }
}
