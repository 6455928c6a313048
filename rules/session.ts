/**
 * One set of answers on one date: evaluates policies (lean), memoising each
 * so a policy referenced by several others is evaluated once, and guarding
 * against reference cycles in the content.
 */
import type { FactValue } from './catalogue';
import type { CompiledCatalogue, CompiledPolicy } from './compile-catalogue';
import { evaluateCriterion, type CriterionEnv, type Lookup, type Outcome } from './evaluate-criterion';
import { notNeededReason } from './not-needed';

const IN_PROGRESS: Outcome = Object.freeze({ truth: 'not_met', missing: [], note: 'cycle' } as Outcome);
const NOT_IN_FORCE: Outcome = Object.freeze({ truth: 'not_met', missing: [], note: 'not_in_force' } as Outcome);

export class Session {
  private readonly memo = new Map<string, Outcome>();

  constructor(
    readonly compiled: CompiledCatalogue,
    readonly lookup: Lookup,
  ) {}

  /** The same answers with one fact changed (used for trial answers). */
  with(fact: string, value: FactValue): Session {
    const base = this.lookup;
    return new Session(this.compiled, (name) => (name === fact ? value : base(name)));
  }

  env(policy: CompiledPolicy): CriterionEnv {
    return {
      lookup: this.lookup,
      facts: this.compiled.catalogue.facts,
      scores: policy.scores,
      policy: (id) => this.outcome(id),
      policyTitle: (id) => this.compiled.byId.get(id)?.policy.title ?? this.titleOf(id),
    };
  }

  private titleOf(id: string): string {
    return this.compiled.catalogue.policies.find((p) => p.id === id)?.title ?? id;
  }

  /** A policy's truth and missing facts; a policy with no version in force is not met. */
  outcome(id: string): Outcome {
    const known = this.memo.get(id);
    if (known) return known;
    const policy = this.compiled.byId.get(id);
    if (!policy) return NOT_IN_FORCE;
    this.memo.set(id, IN_PROGRESS);
    const outcome = evaluateCriterion(policy.criteria, this.env(policy));
    this.memo.set(id, outcome);
    return outcome;
  }

  /** Open and not made unnecessary by a settling fact: a verdict still worth asking about. */
  isOpen(policy: CompiledPolicy): boolean {
    return this.outcome(policy.policy.id).truth === 'unknown' && notNeededReason(policy.policy, this.lookup) === undefined;
  }
}
