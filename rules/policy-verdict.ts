/**
 * One policy's verdict as returned by evaluate. A class so that thousands of
 * them (adaptive loops, reminder planning, benchmarks) share one shape; the
 * per-criterion explanations and score breakdowns are worked out on first
 * read, because most evaluations never read them. Private fields keep the
 * session out of JSON and spreads; toJSON gives the whole verdict.
 */
import type { Benefit, Source } from './catalogue';
import type { CompiledPolicy } from './compile-catalogue';
import { newTrace, traceCriterion } from './evaluate-criterion';
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
  readonly caveats: string[];
  readonly sources: Source[];
  readonly nextWindow: ConcreteWindow | null;
  declare notNeeded?: string;
  readonly #session: Session;
  readonly #compiled: CompiledPolicy;
  #explained: Explained | undefined;

  constructor(
    session: Session,
    compiled: CompiledPolicy,
    readonly status: PolicyStatus,
    readonly missing: string[],
    readonly nearMiss: NearMiss[],
    notNeeded: string | undefined,
  ) {
    const { policy } = compiled;
    this.policy = policy.id;
    this.title = policy.title;
    this.benefit = policy.benefit;
    this.verifiedAt = policy.verified_at;
    this.caveats = compiled.caveats.slice();
    this.sources = compiled.sources.slice();
    this.nextWindow = compiled.window && { ...compiled.window };
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

  #explain(): Explained {
    if (!this.#explained) {
      const trace = newTrace();
      traceCriterion(this.#compiled.root, this.#session, trace);
      const scores: ScoreBreakdown[] = [];
      for (const [name, bounds] of trace.scores) scores.push(breakdown(name, this.#compiled.scores[name]!, bounds));
      this.#explained = { criteria: trace.criteria, scores };
    }
    return this.#explained;
  }

  /** A plain object with every field, explanations included. */
  toJSON(): PolicyResult {
    return { ...this, criteria: this.criteria, scores: this.scores };
  }
}
