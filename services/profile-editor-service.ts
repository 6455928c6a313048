/**
 * Profile edits from a client that sends the whole profile at once (the
 * mini-program's form): validate every answer against the fact vocabulary in
 * force, then make the stored profile exactly that.
 */
import type { AnswerChannel } from '../entities/fact-answer';
import { validateAnswers } from '../rules';
import type { Answers } from '../rules/catalogue';
import type { CatalogueService } from './catalogue-service';
import type { ProfileService } from './profile-service';
import { usableAnswers } from './usable-answers';

export class ProfileEditorService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly profiles: ProfileService,
  ) {}

  answers(founderId: string): Promise<Answers> {
    return this.profiles.answers(founderId);
  }

  /** The stored answers the vocabulary in force still accepts (for ranking and checks). */
  async usableAnswers(founderId: string): Promise<Answers> {
    return usableAnswers(this.catalogue.current(), await this.profiles.answers(founderId));
  }

  /** Throws ValidationError (every bad fact listed) before anything is written. */
  async replace(founderId: string, raw: unknown, channel: AnswerChannel): Promise<Answers> {
    const answers = validateAnswers(this.catalogue.current(), raw);
    return this.profiles.replace(founderId, answers, channel);
  }
}
