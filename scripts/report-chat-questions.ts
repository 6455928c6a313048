/**
 * `npx tsx scripts/report-chat-questions.ts [--dir ../shared/personas]`:
 * questions-to-verdict through the chat, not the bare rules engine. Each
 * persona talks to the dialogue engine ("开始测评", then answers every question
 * in words, "不知道" for what the persona does not say) on a throwaway SQLite
 * database with the shipped content. Counted: (a) questions until the first
 * eligible verdict is known, (b) questions until the assessment ends (no
 * verdict left open), against the full questionnaire (every fact in content).
 * Goals, as for the rules engine's report: median (a) ≤ 5, median (b) ≤ 50 %.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { handle } from '../bot/dialogue/engine';
import { dialoguePorts } from '../bot/dialogue/ports';
import { initialState } from '../bot/dialogue/state';
import { readCatalogue } from '../catalogue/read-content';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open-database';
import { silentLogger } from '../logging/logger';
import type { FactValue } from '../rules/catalogue';
import { formatValue } from '../rules/format-value';
import { createServices, Services } from '../services';
import { fixedClock } from '../services/clock';

export interface Persona {
  name: string;
  as_of: string;
  answers: Record<string, FactValue>;
}

export interface ChatQuestionCount {
  persona: string;
  /** null when the persona qualifies for nothing. */
  toFirstEligible: number | null;
  toFullVerdict: number;
  skipped: number;
  questionnaire: number;
  eligible: string[];
}

const MAX_TURNS = 100;

/** Plays one persona through the dialogue engine on the given services. */
export async function measurePersona(services: Services, persona: Persona): Promise<ChatQuestionCount> {
  const founder = await services.founders.findOrCreate({ channel: 'terminal', user: `report:${persona.name}` });
  const ctx = { founderId: founder.id, channel: 'terminal' as const, ports: dialoguePorts(services) };
  const facts = services.catalogue.current().facts;
  let turn = await handle(initialState(), '开始测评', ctx);
  let asked = 0;
  let skipped = 0;
  let toFirstEligible: number | null = null;
  for (let i = 0; i < MAX_TURNS && turn.state.assessment?.current; i += 1) {
    const fact = turn.state.assessment.current;
    const value = persona.answers[fact];
    const reply = value === undefined ? '不知道' : formatValue(facts[fact], value);
    if (value === undefined) skipped += 1;
    turn = await handle(turn.state, reply, ctx);
    asked += 1;
    if (toFirstEligible === null && turn.state.assessment!.announced.length > 0) toFirstEligible = asked;
  }
  if (turn.state.assessment?.current) throw new Error(`${persona.name}: no verdict after ${MAX_TURNS} questions`);
  return {
    persona: persona.name,
    toFirstEligible,
    toFullVerdict: asked,
    skipped,
    questionnaire: Object.keys(facts).length,
    eligible: turn.state.assessment?.announced ?? [],
  };
}

export function readPersonas(dir: string): Persona[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Persona);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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
  const lines = ['persona              first eligible   full verdict   (skipped)   questionnaire', '-'.repeat(80)];
  for (const c of counts) {
    const share = `${Math.round((100 * c.toFullVerdict) / c.questionnaire)}%`;
    lines.push(
      `${c.persona.padEnd(20)} ${String(c.toFirstEligible ?? '—').padStart(14)}   ${`${c.toFullVerdict} (${share})`.padStart(12)}   ${String(c.skipped).padStart(9)}   ${String(c.questionnaire).padStart(13)}`,
    );
  }
  const first = counts.map((c) => c.toFirstEligible).filter((n): n is number => n !== null);
  const shares = counts.map((c) => (100 * c.toFullVerdict) / c.questionnaire);
  lines.push('-'.repeat(80));
  lines.push(`median questions to the first eligible verdict: ${first.length ? median(first) : '—'} (goal ≤ 5)`);
  lines.push(`median share of the questionnaire to a full verdict: ${Math.round(median(shares))}% (goal ≤ 50%)`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--dir');
  const root = path.resolve(__dirname, '..');
  const dir = flag >= 0 && args[flag + 1] ? path.resolve(args[flag + 1]!) : path.resolve(root, '../shared/personas');
  const counts = await measureAll(readPersonas(dir), path.resolve(root, 'content'));
  console.log('Questions to verdict through the chat (dialogue engine, answers in words)\n');
  console.log(formatReport(counts));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('report failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
