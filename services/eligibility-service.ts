/**
 * The stateless eligibility check shared by the API, the bot and reminders:
 * validate answers, evaluate every policy in force on the as-of date, and pick
 * the next question. Thin over the pure rules engine.
 *
 * Checks are memoised (a bounded LRU per content release): the engine is
 * deterministic in (release, date, answers, topic, skipped facts), and the
 * early states of the questionnaire — no answers, or the first few — are the
 * same for many founders and the most expensive to check, because the most
 * questions are still open. A cached CheckResult is shared: read it, never
 * change it.
 */
import { estimateBenefits, evaluate, isFact, ladder, nextQuestion, validateAnswers } from '../rules';
import type { Answers, Catalogue, IsoDate } from '../rules/catalogue';
import type { Evaluation, NextQuestion } from '../rules/results';
import { ValidationError } from '../errors';
import type { CatalogueService } from './catalogue-service';
import { Clock, shanghaiDate } from './clock';
import { eachAnswer } from '../rules/answers';
import { memoPerObject } from '../rules/memo';
import { LruCachePerScope } from './lru-cache';
import { errorMessages } from './error-messages';

export interface CheckRequest {
  answers: unknown;
  asOf?: IsoDate;
  /** Limit the check and the next question to these policies. */
  policies?: string[];
  /** Facts the founder declined to answer: unknown, and never asked next. */
  skipped?: string[];
}

export interface CheckResult {
  readonly answers: Answers;
  readonly evaluation: Evaluation;
  readonly nextQuestion: NextQuestion | null;
  readonly ladder: ReturnType<typeof ladder>;
  readonly benefits: ReturnType<typeof estimateBenefits>;
}

/**
 * A check, frozen and shareable. The ladder and the benefit estimate are
 * worked out when first read: the list a phone asks for (`?view=summary`)
 * and the chat's short replies never read the ladder, whose next rung reads
 * a policy's every explanation.
 */
class Check implements CheckResult {
  #ladder: CheckResult['ladder'] | undefined;
  #benefits: CheckResult['benefits'] | undefined;

  constructor(
    readonly answers: Answers,
    readonly evaluation: Evaluation,
    readonly nextQuestion: NextQuestion | null,
  ) {
    Object.freeze(answers);
    Object.freeze(this);
  }

  get ladder(): CheckResult['ladder'] {
    return (this.#ladder ??= ladder(this.evaluation, this.answers));
  }

  get benefits(): CheckResult['benefits'] {
    return (this.#benefits ??= estimateBenefits(this.evaluation));
  }

  /** Every field, the worked-out-when-read ones included (getters are not own properties). */
  toJSON(): CheckResult {
    const { answers, evaluation, nextQuestion, ladder, benefits } = this;
    return { answers, evaluation, nextQuestion, ladder, benefits };
  }
}

export class EligibilityService {
  /** One cache per content release: a reload starts empty, and the old one goes with its catalogue. */
  private readonly caches: LruCachePerScope<string, CheckResult>;

  constructor(
    private readonly catalogues: CatalogueService,
    private readonly clock: Clock,
    /** Checks kept in memory per release (0: none). */
    cacheEntries = 0,
    /** Told of every check: whether the cache answered it (metrics). */
    private readonly observe?: (cacheHit: boolean) => void,
  ) {
    this.caches = new LruCachePerScope(cacheEntries);
  }

  today(): IsoDate {
    return shanghaiDate(this.clock.now());
  }

  catalogue(): Catalogue {
    return this.catalogues.current();
  }

  /** Topic words (落户, 资金, 资质, 创新券…) → the policies tagged with them. */
  policiesForTopic(topic: string): string[] {
    return this.catalogue()
      .policies.filter((policy) => policy.topics.includes(topic))
      .map((policy) => policy.id);
  }

  /**
   * Only the verdicts for the given policies (unknown ids ignored), without the
   * next question, ladder and benefits, which cost 4–5× more: for callers that
   * evaluate many founders at once, such as the reminder plan.
   */
  verdicts(request: { answers: unknown; asOf?: IsoDate; policies: string[] }): Evaluation {
    const catalogue = this.catalogue();
    const asOf = request.asOf ?? this.today();
    const policies = request.policies.filter((id) => catalogue.policies.some((p) => p.id === id));
    if (policies.length === 0) return { asOf, results: [] };
    return evaluate(catalogue, validateAnswers(catalogue, request.answers), asOf, { policies });
  }

  check(request: CheckRequest): CheckResult {
    const catalogue = this.catalogue();
    const answers = validateAnswers(catalogue, request.answers);
    const unknownPolicies = (request.policies ?? []).filter((id) => !catalogue.policies.some((p) => p.id === id));
    const unknownFacts = (request.skipped ?? []).filter((fact) => !isFact(catalogue, fact));
    if (unknownPolicies.length > 0 || unknownFacts.length > 0) {
      throw new ValidationError(errorMessages.unknownPolicyOrFact, [
        ...unknownPolicies.map((id) => ({ path: `policies.${id}`, reason: 'unknown policy id' })),
        ...unknownFacts.map((fact) => ({ path: `skipped.${fact}`, reason: 'unknown fact' })),
      ]);
    }
    const asOf = request.asOf ?? this.today();
    const policies = request.policies?.length ? request.policies : undefined;
    const cache = this.caches.of(catalogue);
    const key = cache ? checkKey(catalogue, answers, asOf, policies, request.skipped) : '';
    const cached = cache?.get(key);
    this.observe?.(cached !== undefined);
    if (cached) return cached;
    const evaluation = evaluate(catalogue, answers, asOf, { policies });
    const next = nextQuestion(catalogue, answers, asOf, { policies, skipped: request.skipped });
    const result = new Check(answers, evaluation, next);
    cache?.set(key, result);
    return result;
  }
}

/** Everything a check depends on besides the release, in a canonical order. */
function checkKey(
  catalogue: Catalogue,
  answers: Answers,
  asOf: IsoDate,
  policies?: string[],
  skipped?: string[],
): string {
  const sorted = (ids?: string[]) => [...new Set(ids ?? [])].sort().join(',');
  return `${asOf}|${sorted(policies)}|${sorted(skipped)}|${answersKey(catalogue, answers)}`;
}

/**
 * Validated answers as text, fact by fact in the vocabulary's order, so that
 * the order a client sent them in does not matter: `fact=value;` with
 * strings quoted (an option "true" is not the answer true). Every request
 * pays for this key: answers are read as the session reads them (eachAnswer)
 * and placed by vocabulary position, with no sorting.
 */
function answersKey(catalogue: Catalogue, answers: Answers): string {
  const position = positionsOf(catalogue);
  const parts: string[] = new Array<string>(position.size + 1).fill('');
  eachAnswer(answers, (fact, value) => {
    const part = `${fact}=${typeof value === 'string' ? JSON.stringify(value) : value};`;
    // Validated answers name vocabulary facts only; anything else is still keyed, after them.
    const at = position.get(fact);
    if (at === undefined) parts[position.size] += part;
    else parts[at] = part;
    return true;
  });
  return parts.join('');
}

const positionsOf = memoPerObject(
  (catalogue: Catalogue) => new Map(Object.keys(catalogue.facts).map((fact, index) => [fact, index])),
);
