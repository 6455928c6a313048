/**
 * A founder going through the page's questions with a persona's facts: every
 * question the page asks is answered from them, and skipped when the persona
 * does not know. Mouse/touch (`answerAll`) or keyboard only (`answerAllByKeyboard`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import YAML from 'yaml';
import { applyDepartures, PERSONAS_DIR } from '../../../scripts/support/personas';

export interface Persona {
  name: string;
  as_of: string;
  answers: Record<string, boolean | number | string>;
  expect: Record<string, string>;
  near_miss?: Record<string, { fact: string; needed: number }>;
}

export function readPersona(name: string): Persona {
  return applyDepartures(YAML.parse(fs.readFileSync(path.join(PERSONAS_DIR, `${name}.yaml`), 'utf8')) as Persona);
}

/** Enough for any persona: the catalogue has about 50 facts. */
const MAX_QUESTIONS = 80;

interface Asked {
  step: number;
  fact: string;
  type: string;
}

/** The question on screen, or null once the results are. */
async function current(page: Page, step: number): Promise<Asked | null> {
  const next = page.locator(`section.question[data-step="${step}"], #results-title`).first();
  await next.waitFor();
  if ((await next.getAttribute('id')) === 'results-title') return null;
  return { step, fact: (await next.getAttribute('data-fact'))!, type: (await next.getAttribute('data-type'))! };
}

/** The number of the question on screen (1 before any answer, more after a resume). */
async function firstStep(page: Page): Promise<number> {
  const shown = page.locator('section.question, #results-title').first();
  await shown.waitFor();
  return Number((await shown.getAttribute('data-step')) ?? 1);
}

interface Turn extends Asked {
  section: Locator;
  /** The persona's value, undefined when it does not know (then the question is skipped). */
  value: boolean | number | string | undefined;
  choice: boolean;
}

/**
 * Goes through the questions from the one on screen, `act` answering each,
 * until the results show (or `count` questions have been answered); returns
 * the facts asked, in order.
 */
async function goThrough(
  page: Page,
  persona: Persona,
  act: (turn: Turn) => Promise<void>,
  count = MAX_QUESTIONS,
): Promise<string[]> {
  const asked: string[] = [];
  const start = await firstStep(page);
  for (let step = start; step < start + count; step += 1) {
    const question = await current(page, step);
    if (!question) return asked;
    asked.push(question.fact);
    await act({
      ...question,
      section: page.locator(`section.question[data-step="${step}"]`),
      value: persona.answers[question.fact],
      choice: question.type === 'boolean' || question.type === 'enum',
    });
  }
  if (count === MAX_QUESTIONS) throw new Error(`${persona.name}: no results after ${MAX_QUESTIONS} questions`);
  return asked;
}

/** Answers by tapping and typing, as on a phone. */
export function answerAll(page: Page, persona: Persona, count = MAX_QUESTIONS): Promise<string[]> {
  return goThrough(
    page,
    persona,
    async ({ section, value, choice }) => {
      if (value === undefined) await section.locator('#skip').click();
      else if (choice) await section.locator(`button.option[data-value="${String(value)}"]`).click();
      else {
        await section.locator('#answer').fill(String(value));
        await section.locator('#answer').press('Enter');
      }
    },
    count,
  );
}

/** The browser's window, as much of it as these tests read (the Node types have no DOM). */
type BrowserGlobal = { document: { activeElement: { id: string } | null } };

/** The id of the focused element, '' when it has none. */
export const activeId = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as BrowserGlobal).document.activeElement?.id ?? '');

/** The same journey with Tab, typing and Enter only; checks where focus lands on each question. */
export function answerAllByKeyboard(page: Page, persona: Persona): Promise<string[]> {
  return goThrough(page, persona, async ({ step, fact, section, value, choice }) => {
    const focused = await activeId(page);
    if (focused !== (choice ? 'question-title' : 'answer'))
      throw new Error(`${persona.name}, question ${step} (${fact}): focus is on "${focused}"`);
    if (choice) {
      const values = await section
        .locator('button.option')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-value')));
      // From the heading: Tab reaches the options in order, then 跳过.
      const index = value === undefined ? values.length : values.indexOf(String(value));
      if (index < 0) throw new Error(`${persona.name}: ${fact}=${String(value)} is not an option`);
      for (let i = 0; i <= index; i += 1) await page.keyboard.press('Tab');
    } else if (value === undefined) {
      // From the field: 下一题, then 跳过.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
    } else {
      await page.keyboard.type(String(value));
    }
    await page.keyboard.press('Enter');
  });
}

/** Policy id → the status the results show for it. */
export async function shownStatuses(page: Page): Promise<Record<string, string>> {
  await page.locator('#results-title').waitFor();
  const pairs = await page
    .locator('li.verdict')
    .evaluateAll((items) => items.map((li) => [li.getAttribute('data-policy'), li.getAttribute('data-status')]));
  return Object.fromEntries(pairs);
}
