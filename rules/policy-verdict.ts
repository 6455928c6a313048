/**
 * One policy's verdict as returned by evaluate. A class so that thousands of
 * them (adaptive loops, reminder planning, benchmarks) share one shape; the
 * per-criterion explanations, score breakdowns and near misses are worked
 * out on first read, because most evaluations never read them (the adaptive
 * loop wants statuses and missing facts, the reminder plan only statuses).
 * Private fields keep the session out of JSON and spreads; toJSON gives the
 * whole verdict.
 */
import type { Benefit, Source } from './catalogue';
import type { CompiledPolicy } from './compile-catalogue';
import { failedLeavesOf, outlineCriterion, type OutlineLeaf, type OutlineNode } from './criteria-outline';
import { newTrace, traceCriterion } from './evaluate-criterion';
import { nearMisses } from './near-miss';
import type { ConcreteWindow, CriterionResult, NearMiss, PolicyResult, PolicyStatus, ScoreBreakdown } from './results';
import { breakdown } from './score';
import type { Session } from './session';

interface Explained {
  criteria: CriterionResult[];
  scores: ScoreBreakdown[];
}

export class PolicyVerdict implements PolicyResult {
  readonly policy: string;
  readonly title: string;
  readonly benefit: Benefit;
  readonly verifiedAt: string;
  readonly caveats: readonly string[];
  readonly toCheck: readonly string[];
  readonly sources: readonly Source[];
  readonly nextWindow: Readonly<ConcreteWindow> | null;
  declare notNeeded?: string;
  readonly #session: Session;
  readonly #compiled: CompiledPolicy;
  #explained: Explained | undefined;
  #nearMiss: NearMiss[] | undefined;
  #outline: OutlineNode | undefined;
  #failed: OutlineLeaf[] | undefined;

  constructor(
    session: Session,
    compiled: CompiledPolicy,
    readonly status: PolicyStatus,
    readonly missing: string[],
    notNeeded: string | undefined,
  ) {
    const { policy } = compiled;
    this.policy = policy.id;
    this.title = policy.title;
    this.benefit = policy.benefit;
    this.verifiedAt = policy.verified_at;
    // Frozen when compiled, so every verdict of the policy shares them.
    this.caveats = compiled.caveats;
    this.toCheck = session.toCheckOf(policy.id);
    this.sources = compiled.sources;
    this.nextWindow = compiled.window;
    if (notNeeded) this.notNeeded = notNeeded;
    this.#session = session;
    this.#compiled = compiled;
  }

  get criteria(): CriterionResult[] {
    return this.#explain().criteria;
  }

  get scores(): ScoreBreakdown[] {
    return this.#explain().scores;
  }

  /** The criteria as a tree with group labels, for a founder reading one policy (not serialised). */
  get outline(): OutlineNode {
    this.#outline ??= outlineCriterion(this.#compiled.root, this.#session);
    return this.#outline;
  }

  /** What a "no" failed on: failedLeaves(outline), without building the outline (not serialised). */
  get failed(): OutlineLeaf[] {
    this.#failed ??= this.status === 'not_eligible' ? failedLeavesOf(this.#compiled.root, this.#session) : [];
    return this.#failed;
  }

  /** For a policy failed on one or two numbers (and still needed): the values that would pass. */
  get nearMiss(): NearMiss[] {
    if (!this.#nearMiss) {
      const wanted = this.status === 'not_eligible' && !this.notNeeded;
      this.#nearMiss = wanted ? nearMisses(this.#session, this.#compiled) : [];
    }
    return this.#nearMiss;
  }

  #explain(): Explained {
    if (!this.#explained) {
      const trace = newTrace();
      traceCriterion(this.#compiled.root, this.#session, trace);
      const scores: ScoreBreakdown[] = [];
      if (trace.scores)
        for (const [name, bounds] of trace.scores) scores.push(breakdown(name, this.#compiled.scores[name]!, bounds));
      this.#explained = { criteria: trace.criteria, scores };
    }
    return this.#explained;
  }

  /** A plain object with every field, explanations included (the outline and failed leaves are for display only). */
  toJSON(): Omit<PolicyResult, 'outline' | 'failed'> {
    return { ...this, nearMiss: this.nearMiss, criteria: this.criteria, scores: this.scores };
  }
}
