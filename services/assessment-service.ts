/**
 * A persisted, resumable assessment, for any channel (mini-program, bot):
 * the rules engine picks each next question among the facts that can still
 * change a verdict; answers go to the founder's profile as soon as they are
 * given, the assessment row keeps the order (for "back") and what was skipped.
 */
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { dbTime, execute, readTime, retryOnLockConflict, retryWhen, select, wholeSeconds } from '../db/sql';
import { Assessment } from '../entities';

/** The stored assessment, for the adapters that present it (they do not import entities/). */
export type { Assessment };
import type { AssessmentSnapshot } from '../entities/assessment';
import type { AnswerChannel } from '../entities/fact-answer';
import { NotFoundError, UnavailableError, ValidationError } from '../errors';
import { isFact } from '../rules';
import type { Answers, FactValue } from '../rules/catalogue';
import type { NextQuestion } from '../rules/results';
import type { Clock } from './clock';
import { usableAnswers } from './usable-answers';
import type { CheckResult, EligibilityService } from './eligibility-service';
import type { ProfileService } from './profile-service';
import { errorMessages } from './error-messages';

export interface AssessmentScope {
  topic?: string;
  policies?: string[];
}

export interface AssessmentView {
  id: string;
  topic: string | null;
  policies: string[];
  status: 'open' | 'complete';
  asked: string[];
  skipped: string[];
  /** The question waiting for an answer; null when nothing left can change a verdict. */
  question: NextQuestion | null;
  /** The stored answer to `question` when it is revisited after "back". */
  previousValue: FactValue | null;
  /** Answered so far, and at most how many questions may follow (the current one included). */
  progress: { answered: number; remaining: number };
  check: CheckResult;
  createdAt: Date;
  updatedAt: Date;
}

// Both exported for bench:api's stack floor, which runs an answer's statements without the app.
export const ASSESSMENT_OF_FOUNDER =
  'SELECT `id`, `founderId`, `policies`, `topic`, `asked`, `skipped`, `status`, `snapshot`, `createdAt`, `updatedAt` FROM `assessment` WHERE `id` = ? AND `founderId` = ?';

/**
 * Where an assessment stands after a step (the JSON columns are simple-json:
 * JSON text), written only over the `asked` and `skipped` the step read: a
 * compare-and-swap, so that two steps at once never lose one's history.
 */
export const STEP_OF_ASSESSMENT =
  'UPDATE `assessment` SET `asked` = ?, `skipped` = ?, `status` = ?, `snapshot` = ?, `updatedAt` = ? WHERE `id` = ? AND `founderId` = ? AND `asked` = ? AND `skipped` = ?';

/**
 * Another step of the same assessment was written since this one read it:
 * the step runs again. Past STEP_ATTEMPTS the client is told to try again (503).
 */
class StaleStepError extends UnavailableError {
  constructor() {
    super(errorMessages.assessmentBusy);
  }
}

/**
 * How often a step is run again after losing its compare-and-swap: each
 * round, one of the steps racing for an assessment wins, so this covers the
 * mini-program sending a screenful of answers at once.
 */
const STEP_ATTEMPTS = 25;

interface AssessmentRow {
  id: string;
  founderId: string;
  policies: string;
  topic: string | null;
  asked: string;
  skipped: string;
  status: Assessment['status'];
  snapshot: string | null;
  createdAt: unknown;
  updatedAt: unknown;
}

export class AssessmentService {
  /** The `asked` and `skipped` JSON each loaded assessment was read with: what its step may write over. */
  private readonly asRead = new WeakMap<Assessment, { asked: string; skipped: string }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly eligibility: EligibilityService,
    private readonly profiles: ProfileService,
    private readonly clock: Clock,
  ) {}

  async start(founderId: string, scope: AssessmentScope): Promise<AssessmentView> {
    const catalogue = this.eligibility.catalogue();
    const unknown = (scope.policies ?? []).filter((id) => !catalogue.policies.some((p) => p.id === id));
    if (unknown.length > 0) {
      throw new ValidationError(
        errorMessages.unknownPolicy,
        unknown.map((id) => ({ path: `policies.${id}`, reason: 'unknown policy id' })),
      );
    }
    const policies = new Set(scope.policies ?? []);
    if (scope.topic !== undefined) {
      const topical = this.eligibility.policiesForTopic(scope.topic);
      if (topical.length === 0) {
        throw new ValidationError(errorMessages.unknownTopic(scope.topic), [
          { path: 'topic', reason: `unknown topic ${scope.topic}` },
        ]);
      }
      topical.forEach((id) => policies.add(id));
    }
    const assessment = this.dataSource.manager.create(Assessment, {
      id: randomUUID(),
      founderId,
      policies: [...policies],
      topic: scope.topic ?? null,
      asked: [],
      skipped: [],
      status: 'open',
      snapshot: null,
    });
    assessment.createdAt = assessment.updatedAt = wholeSeconds(this.clock.now());
    const answers = await this.answersOf(founderId);
    const check = this.checkFor(assessment, answers);
    return this.settle(assessment, answers, check, null, { isNew: true });
  }

  async get(founderId: string, assessmentId: string): Promise<AssessmentView> {
    const assessment = await this.load(founderId, assessmentId);
    const answers = await this.answersOf(founderId);
    const pinned = assessment.snapshot?.revisiting ? (assessment.snapshot.current ?? null) : null;
    return this.view(assessment, answers, this.checkFor(assessment, answers), this.pinnable(pinned));
  }

  async list(founderId: string, limit = 20): Promise<Assessment[]> {
    return this.dataSource.manager.find(Assessment, {
      where: { founderId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /** Records an answer (any fact of the vocabulary; usually the current question). */
  async answer(
    founderId: string,
    assessmentId: string,
    fact: string,
    value: unknown,
    channel: AnswerChannel = 'api',
  ): Promise<AssessmentView> {
    return this.answerMany(founderId, assessmentId, { [fact]: value }, channel);
  }

  /**
   * Records several answers as one step (the chat's "我们公司80个人，营收6000万…"):
   * all are validated before any is written, and they are asked in the order given.
   */
  async answerMany(
    founderId: string,
    assessmentId: string,
    values: Readonly<Record<string, unknown>>,
    channel: AnswerChannel = 'api',
  ): Promise<AssessmentView> {
    const facts = Object.keys(values);
    return this.freshStep(async () => {
      const assessment = await this.load(founderId, assessmentId);
      facts.forEach((fact) => this.requireFact(fact));
      const stored = await this.answersOf(founderId);
      assessment.skipped = assessment.skipped.filter((f) => !facts.includes(f));
      // Validates the values (ValidationError → 400) before anything is written.
      const check = this.checkFor(assessment, { ...stored, ...(values as Answers) });
      const saved = Object.fromEntries(facts.map((fact) => [fact, check.answers[fact] as FactValue]));
      assessment.asked = [...assessment.asked.filter((f) => !facts.includes(f)), ...facts];
      // The answers and the step they complete are stored together, or none is.
      return this.settle(assessment, check.answers, check, null, {
        alsoWrite: (manager) => this.profiles.record(manager, founderId, saved, channel),
      });
    });
  }

  /** The founder declines to answer: the fact stays unknown and is not asked again. */
  async skip(founderId: string, assessmentId: string, fact: string): Promise<AssessmentView> {
    return this.freshStep(async () => {
      const assessment = await this.load(founderId, assessmentId);
      this.requireFact(fact);
      const answers = { ...(await this.answersOf(founderId)) } as Record<string, FactValue>;
      // Skipping a question revisited with "back" withdraws the earlier answer.
      const withdraw = fact in answers;
      delete answers[fact];
      assessment.asked = [...assessment.asked.filter((f) => f !== fact), fact];
      if (!assessment.skipped.includes(fact)) assessment.skipped = [...assessment.skipped, fact];
      return this.settle(assessment, answers, this.checkFor(assessment, answers), null, {
        alsoWrite: withdraw ? (manager) => this.profiles.withdraw(manager, founderId, [fact]) : undefined,
      });
    });
  }

  /** Back to the previous question (answered or skipped): it becomes the current one again. */
  async back(founderId: string, assessmentId: string): Promise<AssessmentView> {
    return this.freshStep(async () => {
      const assessment = await this.load(founderId, assessmentId);
      const previous = assessment.asked[assessment.asked.length - 1];
      if (previous === undefined) {
        throw new ValidationError(errorMessages.nothingToGoBack, [{ path: 'back', reason: 'nothing answered yet' }]);
      }
      assessment.asked = assessment.asked.slice(0, -1);
      assessment.skipped = assessment.skipped.filter((f) => f !== previous);
      const answers = await this.answersOf(founderId);
      return this.settle(assessment, answers, this.checkFor(assessment, answers), this.pinnable(previous));
    });
  }

  /**
   * Any fact of the vocabulary becomes the current question again, with its
   * stored answer shown (the chat's "修改 职工人数"): like "back", for a
   * question asked earlier or never. The stored answer stays until replaced.
   */
  async revisit(founderId: string, assessmentId: string, fact: string): Promise<AssessmentView> {
    return this.freshStep(async () => {
      const assessment = await this.load(founderId, assessmentId);
      this.requireFact(fact);
      assessment.asked = assessment.asked.filter((f) => f !== fact);
      assessment.skipped = assessment.skipped.filter((f) => f !== fact);
      const answers = await this.answersOf(founderId);
      return this.settle(assessment, answers, this.checkFor(assessment, answers), fact);
    });
  }

  /** Runs a step, again from a fresh read whenever another step of the assessment was written in between. */
  private freshStep(step: () => Promise<AssessmentView>): Promise<AssessmentView> {
    return retryWhen((error) => error instanceof StaleStepError, step, STEP_ATTEMPTS);
  }

  /** Read on every step: a constant statement, no query building. */
  private async load(founderId: string, assessmentId: string): Promise<Assessment> {
    // Another founder's assessment is "not found", never "forbidden": ids do not leak.
    const [row] = await select<AssessmentRow>(this.dataSource.manager, ASSESSMENT_OF_FOUNDER, [
      assessmentId,
      founderId,
    ]);
    if (!row) throw new NotFoundError(errorMessages.assessmentNotFound, [{ path: 'id', reason: 'no such assessment' }]);
    // The JSON columns are simple-json (JSON text); datetimes come back as text or Date by driver.
    const assessment = Object.assign(new Assessment(), {
      id: row.id,
      founderId: row.founderId,
      policies: JSON.parse(row.policies) as string[],
      topic: row.topic,
      asked: JSON.parse(row.asked) as string[],
      skipped: JSON.parse(row.skipped) as string[],
      status: row.status,
      snapshot: row.snapshot === null ? null : (JSON.parse(row.snapshot) as AssessmentSnapshot | null),
      createdAt: readTime(row.createdAt)!,
      updatedAt: readTime(row.updatedAt)!,
    });
    this.asRead.set(assessment, { asked: row.asked, skipped: row.skipped });
    return assessment;
  }

  private requireFact(fact: string): void {
    if (!isFact(this.eligibility.catalogue(), fact)) {
      throw new ValidationError(errorMessages.unknownFact(fact), [{ path: 'fact', reason: `unknown fact ${fact}` }]);
    }
  }

  /** A pinned question survives only while the catalogue still knows its fact. */
  private pinnable(fact: string | null): string | null {
    return fact !== null && isFact(this.eligibility.catalogue(), fact) ? fact : null;
  }

  private async answersOf(founderId: string): Promise<Answers> {
    return usableAnswers(this.eligibility.catalogue(), await this.profiles.answers(founderId));
  }

  private checkFor(assessment: Assessment, answers: Answers): CheckResult {
    const catalogue = this.eligibility.catalogue();
    const policies = assessment.policies.filter((id) => catalogue.policies.some((p) => p.id === id));
    return this.eligibility.check({
      answers,
      policies: policies.length > 0 ? policies : undefined,
      skipped: assessment.skipped.filter((fact) => isFact(catalogue, fact) && !Object.hasOwn(answers, fact)),
    });
  }

  /**
   * Stores where the assessment stands (with `alsoWrite`, in one transaction)
   * and returns its view. An existing row is updated in place with a constant
   * UPDATE, where `save` would first read the row back to work out what
   * changed, and `update` would build the statement anew on every step.
   */
  private async settle(
    assessment: Assessment,
    answers: Answers,
    check: CheckResult,
    pinned: string | null,
    options: { isNew?: boolean; alsoWrite?: (manager: EntityManager) => Promise<void> } = {},
  ): Promise<AssessmentView> {
    const current = pinned ?? check.nextQuestion?.fact ?? null;
    assessment.status = current === null ? 'complete' : 'open';
    assessment.snapshot = {
      asOf: check.evaluation.asOf,
      statuses: Object.fromEntries(check.evaluation.results.map((r) => [r.policy, r.status])),
      current,
      revisiting: pinned !== null,
    };
    if (options.isNew) {
      const saved = await this.dataSource.manager.save(Assessment, assessment);
      return this.view(saved, answers, check, pinned);
    }
    assessment.updatedAt = wholeSeconds(this.clock.now());
    const read = this.asRead.get(assessment);
    if (!read) throw new Error('settle: an existing assessment must come from load()');
    const write = async (manager: EntityManager) => {
      await options.alsoWrite?.(manager);
      const { affected } = await execute(manager, STEP_OF_ASSESSMENT, [
        JSON.stringify(assessment.asked),
        JSON.stringify(assessment.skipped),
        assessment.status,
        JSON.stringify(assessment.snapshot),
        dbTime(assessment.updatedAt),
        assessment.id,
        assessment.founderId,
        read.asked,
        read.skipped,
      ]);
      // Thrown inside the transaction: the answer written with the step is rolled back too.
      if (affected === 0) throw new StaleStepError();
    };
    // The same founder's requests at once may deadlock on InnoDB; the loser writes the same values again.
    await retryOnLockConflict(() =>
      options.alsoWrite ? this.dataSource.transaction(write) : write(this.dataSource.manager),
    );
    return this.view(assessment, answers, check, pinned);
  }

  private view(assessment: Assessment, answers: Answers, check: CheckResult, pinned: string | null): AssessmentView {
    const question = pinned !== null ? this.questionFor(pinned) : check.nextQuestion;
    const open = new Set(check.evaluation.results.filter((r) => r.status === 'maybe').flatMap((r) => r.missing));
    for (const fact of assessment.skipped) open.delete(fact);
    if (question) open.add(question.fact);
    return {
      id: assessment.id,
      topic: assessment.topic,
      policies: assessment.policies,
      status: question ? 'open' : 'complete',
      asked: assessment.asked,
      skipped: assessment.skipped,
      question,
      previousValue: pinned !== null ? (answers[pinned] ?? null) : null,
      progress: {
        answered: assessment.asked.filter((f) => !assessment.skipped.includes(f)).length,
        remaining: open.size,
      },
      check,
      createdAt: assessment.createdAt,
      updatedAt: assessment.updatedAt,
    };
  }

  private questionFor(fact: string): NextQuestion {
    const definition = this.eligibility.catalogue().facts[fact]!;
    const question: NextQuestion = { fact, text: definition.question, type: definition.type, why: definition.why };
    if (definition.options) question.options = definition.options;
    if (definition.unit !== undefined) question.unit = definition.unit;
    if (definition.example !== undefined) question.example = definition.example;
    if (definition.min !== undefined) question.min = definition.min;
    if (definition.max !== undefined) question.max = definition.max;
    return question;
  }
}
