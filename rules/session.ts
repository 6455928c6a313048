/**
 * One set of answers on one date: evaluates policies (lean), memoising each
 * so a policy referenced by several others is evaluated once, and guarding
 * against reference cycles in the content. A trial answer is a child session
 * that overrides one fact, so probing never copies the answers.
 */
import type { Answers, FactDefinition, FactValue } from './catalogue';
import type { CompiledCatalogue, CompiledPolicy } from './compile-catalogue';
import type { Vocabulary } from './criteria-fold';
import type { CriterionEnv, Outcome } from './evaluate-criterion';
import { applyImplications, eachAnswer, type ImplicationState } from './answers';
import { notNeededReason } from './not-needed';

const IN_PROGRESS: Outcome = Object.freeze({ truth: 'not_met', missing: [], note: 'cycle' } as Outcome);
const NONE: readonly string[] = Object.freeze([]);
const NOT_IN_FORCE: Outcome = Object.freeze({ truth: 'not_met', missing: [], note: 'not_in_force' } as Outcome);

type Values = readonly (FactValue | undefined)[];

export class Session implements CriterionEnv {
  // Created on first use: most trial sessions evaluate a single policy.
  private memo: Map<string, Outcome> | undefined;
  readonly facts: Readonly<Record<string, FactDefinition>>;

  private constructor(
    readonly compiled: CompiledCatalogue,
    /** By fact index (compiled.factIndex): answers over implied facts over defaults. */
    private readonly values: Values,
    /** Answers naming facts outside the vocabulary (only unvalidated callers send them). */
    private readonly extras: Readonly<Record<string, FactValue>> | null,
    /** How many answers the session was built from (to recognise the same answers later). */
    private readonly answered: number,
    /** By fact index: 1 when answered or implied (a default is an assumption, not knowledge). */
    private readonly known: readonly boolean[],
    private readonly parent?: Session,
    private readonly overriddenIndex = -1,
    private readonly overriddenName?: string,
    private readonly override?: FactValue,
  ) {
    this.facts = compiled.catalogue.facts;
  }

  /** The founder's answers with what follows from them and the vocabulary's defaults. */
  static of(compiled: CompiledCatalogue, answers: Answers): Session {
    const values: (FactValue | undefined)[] = compiled.defaults.slice();
    // A plain array copy: cheaper to allocate than a typed array for a few dozen facts.
    const known: boolean[] = compiled.nothingKnown.slice();
    let extras: Record<string, FactValue> | null = null;
    let answered = 0;
    eachAnswer(answers, (fact, value) => {
      answered += 1;
      const index = compiled.factIndex.get(fact);
      if (index === undefined) (extras ??= {})[fact] = value;
      else {
        values[index] = value;
        known[index] = true;
      }
      return true;
    });
    // What follows from the answers (answers.ts), never over an answer.
    applyImplications(compiled.implications, {
      isKnown: (index) => known[index] === true,
      valueOf: (index) => values[index],
      imply: (index, value) => {
        values[index] = value;
        known[index] = true;
      },
    });
    return new Session(compiled, values, extras, answered, known);
  }

  /** Whether these answers are exactly the ones this session was built from. */
  reads(answers: Answers): boolean {
    let count = 0;
    const same = eachAnswer(answers, (fact, value) => {
      count += 1;
      const index = this.compiled.factIndex.get(fact);
      return (index !== undefined ? this.values[index] : this.extras?.[fact]) === value;
    });
    return same && count === this.answered;
  }

  /** The vocabulary the catalogue's criteria were compiled with. */
  get vocabulary(): Vocabulary {
    return this.compiled.vocabulary;
  }

  /** Answered or implied (defaults do not count): such a fact is never asked. */
  isKnown(fact: string): boolean {
    const index = this.compiled.factIndex.get(fact);
    if (index === undefined) return this.get(fact) !== undefined;
    return this.isKnownAt(index);
  }

  /** Answered or implied, by position. */
  isKnownAt(index: number): boolean {
    if (index === this.overriddenIndex) return true;
    return this.parent ? this.parent.isKnownAt(index) : this.known[index] === true;
  }

  /** A fact's value by its index in the vocabulary: the fast path of compiled criteria. */
  getAt(index: number): FactValue | undefined {
    if (index === this.overriddenIndex) return this.override;
    return this.parent ? this.parent.getAt(index) : this.values[index];
  }

  get(fact: string): FactValue | undefined {
    const index = this.compiled.factIndex.get(fact);
    if (index !== undefined) return this.getAt(index);
    if (fact === this.overriddenName) return this.override;
    return this.parent ? this.parent.get(fact) : this.extras?.[fact];
  }

  /**
   * A trial answer with what follows from it (company_registered = false →
   * no certificates), as a short chain of one-fact children: nothing copied.
   */
  withAnswer(fact: string, value: FactValue): Session {
    const chain = new TrialChain(this.with(fact, value));
    applyImplications(this.compiled.implications, chain);
    return chain.trial;
  }

  /** The same answers with the fact at `index` set (an implied trial answer). */
  withAt(index: number, value: FactValue): Session {
    return new Session(this.compiled, this.values, null, this.answered, this.known, this, index, undefined, value);
  }

  /** The same answers with one fact changed (a trial answer). */
  with(fact: string, value: FactValue): Session {
    const index = this.compiled.factIndex.get(fact);
    return index !== undefined
      ? new Session(this.compiled, this.values, null, this.answered, this.known, this, index, undefined, value)
      : new Session(this.compiled, this.values, null, this.answered, this.known, this, -1, fact, value);
  }

  titleOf(id: string): string {
    return (
      this.compiled.byId.get(id)?.policy.title ?? this.compiled.catalogue.policies.find((p) => p.id === id)?.title ?? id
    );
  }

  /** A policy's truth and missing facts; a policy with no version in force is not met. */
  outcome(id: string): Outcome {
    const memo = (this.memo ??= new Map());
    const known = memo.get(id);
    if (known) return known;
    const policy = this.compiled.byId.get(id);
    if (!policy) return NOT_IN_FORCE;
    memo.set(id, IN_PROGRESS);
    const missing: string[] = [];
    const truth = policy.test(this, missing);
    // Met on every encoded condition, but some are not encoded (or the rules are
    // uncertain): at most maybe, with nothing left to ask (see CompiledPolicy.toCheck).
    // Likewise open only through a referenced policy that is capped so: its
    // conditions to check are this policy's too (see toCheckOf).
    const outcome: Outcome =
      (truth === 'met' && policy.toCheck.length > 0) || (truth === 'unknown' && this.openOnlyByCapped(policy, missing))
        ? { truth: 'unknown', missing: NONE, capped: true }
        : { truth, missing: truth === 'unknown' ? missing : NONE };
    memo.set(id, outcome);
    return outcome;
  }

  /** Unknown with nothing to ask, because a referenced policy is capped at maybe. */
  private openOnlyByCapped(policy: CompiledPolicy, missing: readonly string[]): boolean {
    return missing.length === 0 && policy.references.some((ref) => this.outcome(ref).capped === true);
  }

  /**
   * The conditions a founder must check for a policy: its own (unmodelled, or
   * uncertain rules) and, when it is capped through a reference, those of
   * every referenced policy that is capped.
   */
  toCheckOf(id: string, seen: ReadonlySet<string> = new Set()): readonly string[] {
    const policy = this.compiled.byId.get(id);
    if (!policy || seen.has(id)) return NONE;
    if (this.outcome(id).capped !== true || policy.references.length === 0) return policy.toCheck;
    const inner = new Set([...seen, id]);
    const all = new Set(policy.toCheck);
    for (const ref of policy.references)
      if (this.outcome(ref).capped === true) for (const item of this.toCheckOf(ref, inner)) all.add(item);
    return [...all];
  }

  /** Open and not made unnecessary by a settling fact: a verdict still worth asking about. */
  isOpen(policy: CompiledPolicy): boolean {
    return this.outcome(policy.policy.id).truth === 'unknown' && notNeededReason(policy.policy, this) === undefined;
  }
}

/**
 * A trial answer growing by what it implies: each implied fact is one more
 * one-fact child session. One object per trial, not a closure per method:
 * nextQuestion makes hundreds of trials.
 */
class TrialChain implements ImplicationState<number> {
  constructor(public trial: Session) {}

  isKnown(index: number): boolean {
    return this.trial.isKnownAt(index);
  }

  valueOf(index: number): FactValue | undefined {
    return this.trial.getAt(index);
  }

  imply(index: number, value: FactValue): void {
    this.trial = this.trial.withAt(index, value);
  }
}
