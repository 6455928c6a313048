/**
 * Questions-to-verdict through the chat: the personas answer the dialogue
 * engine in words until it has nothing left to ask. Prints the report and
 * holds the chat to the same goals as the rules engine's report.
 */
import { formatReport, measureAll, median, readPersonas } from '../../scripts/report-chat-questions';
import { CONTENT_DIR, PERSONAS_DIR } from './support/chat-world';

describe('questions to verdict through the chat', () => {
  const personas = readPersonas(PERSONAS_DIR).map((persona) => ({ ...persona, as_of: String(persona.as_of) }));
  let counts: Awaited<ReturnType<typeof measureAll>>;

  beforeAll(async () => {
    counts = await measureAll(personas, CONTENT_DIR);
    console.log(`Questions to verdict through the chat\n${formatReport(counts)}`);
  }, 120_000);

  it('reaches the verdicts each persona expects, by chat', () => {
    for (const [index, persona] of personas.entries()) {
      for (const [policy, status] of Object.entries(persona.expect ?? {})) {
        if (policy in counts[index]!.verdicts)
          expect(`${persona.name} ${policy}: ${counts[index]!.verdicts[policy]}`).toBe(
            `${persona.name} ${policy}: ${status}`,
          );
      }
    }
  });

  it('knows the first eligible verdict within 5 questions (median)', () => {
    expect(median(counts.map((c) => c.toFirstEligible ?? Infinity))).toBeLessThanOrEqual(5);
  });

  it('settles every verdict the persona can decide within half the questionnaire (median)', () => {
    expect(median(counts.map((c) => c.toSettled / c.questionnaire))).toBeLessThanOrEqual(0.5);
  });
});
