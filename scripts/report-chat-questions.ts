/**
 * `npx tsx scripts/report-chat-questions.ts [--dir DIR]`:
 * questions-to-verdict through the chat, not the bare rules engine. Each
 * persona talks to the dialogue engine ("开始测评", then answers every question
 * in words, "不知道" for what the persona does not say) on a throwaway SQLite
 * database with the shipped content. Counted as in `npm run report:questions`,
 * against the full questionnaire (every fact): (a) questions until the first
 * eligible verdict is known — goal: median ≤ 5; (b) questions until no verdict
 * that the persona's facts can decide is open — goal: median ≤ 50 %; and the
 * questions until the chat has nothing left to ask.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { handle } from '../bot/dialogue/engine';
import { dialoguePorts } from '../bot/dialogue/ports';
import { initialState } from '../bot/dialogue/state';
import { readCatalogue } from '../catalogue/read-content';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open-database';
import { silentLogger } from '../logging/logger';
import { questionnaireLength } from '../rules';
import { formatValue } from '../rules/format-value';
import type { PolicyResult } from '../rules/results';
import { createServices, Services } from '../services';
import { fixedClock } from '../services/clock';
import { median, PERSONAS_DIR, readPersonas, type Persona } from './support/personas';

export { median, readPersonas, type Persona };

export interface ChatQuestionCount {
  persona: string;
  /** (a) Questions until the first good news (isGoodNews); null when the persona gets none. */
  toFirstEligible: number | null;
  /** (b) Questions until every verdict the persona's facts can decide is decided. */
  toSettled: number;
  /** Questions until the chat had nothing left to ask (the skipped ones at the tail included). */
  toEnd: number;
  skipped: number;
  questionnaire: number;
  /** The verdicts the chat ended with (policies the founder does not need left out). */
  verdicts: Record<string, string>;
}

const MAX_TURNS = 100;

/**
 * Whether `current` already has every verdict of `everything` (all the persona
 * knows), as the rules' report counts it: policies the founder does not need
 * (a hukou they have, a certificate they hold) are not open questions.
 */
function sameVerdicts(current: readonly PolicyResult[], everything: readonly PolicyResult[]): boolean {
  const statuses = new Map(current.map((r) => [r.policy, r.status]));
  return everything.every((r) => r.notNeeded !== undefined || statuses.get(r.policy) === r.status);
}

/** Plays one persona through the dialogue engine on the given services. */
export async function measurePersona(services: Services, persona: Persona): Promise<ChatQuestionCount> {
  const founder = await services.founders.findOrCreate({ channel: 'terminal', user: `report:${persona.name}` });
  const ctx = { founderId: founder.id, channel: 'terminal' as const, ports: dialoguePorts(services) };
  const catalogue = services.catalogue.current();
  const known = Object.fromEntries(Object.entries(persona.answers).filter(([fact]) => fact in catalogue.facts));
  const everything = services.eligibility.check({ answers: known }).evaluation.results;
  const settledNow = async (assessmentId: string) =>
    sameVerdicts((await services.assessments.get(founder.id, assessmentId)).check.evaluation.results, everything);

  let turn = await handle(initialState(), '开始测评', ctx);
  const assessmentId = turn.state.assessment!.id;
  let asked = 0;
  let skipped = 0;
  let toFirstEligible: number | null = turn.state.assessment!.announced.length > 0 ? 0 : null;
  let toSettled: number | null = (await settledNow(assessmentId)) ? 0 : null;
  for (let i = 0; i < MAX_TURNS && turn.state.assessment?.current; i += 1) {
    const fact = turn.state.assessment.current;
    const value = known[fact];
    if (value === undefined) skipped += 1;
    // Answers in words, as a founder types them: "是", "浦东新区", "3000万元", "12%".
    turn = await handle(turn.state, value === undefined ? '不知道' : formatValue(catalogue.facts[fact], value), ctx);
    asked += 1;
    if (toFirstEligible === null && turn.state.assessment!.announced.length > 0) toFirstEligible = asked;
    if (toSettled === null && (await settledNow(assessmentId))) toSettled = asked;
  }
  if (turn.state.assessment?.current) throw new Error(`${persona.name}: still asking after ${MAX_TURNS} questions`);
  const final = (await services.assessments.get(founder.id, assessmentId)).check.evaluation.results;
  return {
    verdicts: Object.fromEntries(final.filter((r) => r.notNeeded === undefined).map((r) => [r.policy, r.status])),
    persona: persona.name,
    toFirstEligible,
    toSettled: toSettled ?? asked,
    toEnd: asked,
    skipped,
    questionnaire: questionnaireLength(catalogue, persona.as_of),
  };
}

/** Every persona on its own fresh database (answers would otherwise leak between them). */
export async function measureAll(personas: Persona[], contentDir: string): Promise<ChatQuestionCount[]> {
  const counts: ChatQuestionCount[] = [];
  for (const persona of personas) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'founder-guide-report-'));
    const config = loadConfig({ NODE_ENV: 'test', SQLITE_PATH: path.join(dir, 'report.sqlite'), LOG_LEVEL: 'silent' });
    const dataSource = await openDatabase(config);
    try {
      const clock = fixedClock(new Date(`${persona.as_of}T02:00:00Z`));
      const services = createServices({ dataSource, config, logger: silentLogger(), clock, readCatalogue });
      await services.content.load(contentDir, { actor: 'report' });
      counts.push(await measurePersona(services, persona));
    } finally {
      await dataSource.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return counts;
}

export function formatReport(counts: ChatQuestionCount[]): string {
  const lines = [
    'persona              (a) first good news  (b) settled   end (skipped)   questionnaire',
    '-'.repeat(86),
  ];
  for (const c of counts) {
    const share = (n: number) => `${n} (${Math.round((100 * n) / c.questionnaire)}%)`;
    lines.push(
      [
        c.persona.padEnd(20),
        String(c.toFirstEligible ?? '—').padStart(18),
        share(c.toSettled).padStart(13),
        `${c.toEnd} (${c.skipped})`.padStart(15),
        String(c.questionnaire).padStart(15),
      ].join(' '),
    );
  }
  // A persona that qualifies for nothing never gets an eligible verdict: "never" (∞), as in the rules' report.
  const first = median(counts.map((c) => c.toFirstEligible ?? Infinity));
  const settled = median(counts.map((c) => c.toSettled / c.questionnaire));
  const end = median(counts.map((c) => c.toEnd / c.questionnaire));
  lines.push('-'.repeat(86));
  lines.push(`(a) median questions to the first good news: ${first} (goal ≤ 5) ${first <= 5 ? 'OK' : 'MISSED'}`);
  lines.push(
    `(b) median share of the questionnaire until no decidable verdict is open: ${Math.round(settled * 100)}% (goal ≤ 50%) ${settled <= 0.5 ? 'OK' : 'MISSED'}`,
  );
  lines.push(`    until the chat has nothing left to ask (skips included): ${Math.round(end * 100)}%`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--dir');
  const root = path.resolve(__dirname, '..');
  const dir = flag >= 0 && args[flag + 1] ? path.resolve(args[flag + 1]!) : PERSONAS_DIR;
  const personas = readPersonas(dir).map((persona) => ({ ...persona, as_of: String(persona.as_of) }));
  const counts = await measureAll(personas, path.resolve(root, 'content'));
  console.log('Questions to verdict through the chat (dialogue engine, answers in words)\n');
  console.log(formatReport(counts));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('report failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
