/**
 * The server side of `npm run bench:api`, run in its own process: a bare Koa
 * hello-world (the baseline), a stack floor (see stackFloor and
 * statefulFloor), or the real API over a fresh SQLite file or the scratch
 * MariaDB database, with the shipped content and 100 founders who each have
 * an open assessment. Listens on 127.0.0.1 only.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import Router from '@koa/router';
import Koa from 'koa';
import helmet from 'koa-helmet';
import { bearerToken } from '../api/middleware/founder-auth';
import { jsonBody } from '../api/middleware/json-body';
import { assessmentJson } from '../api/presenters/assessment';
import { checkJson, checkSummaryJson } from '../api/presenters/check-json';
import { createApi } from '../api/create-api';
import { readCatalogue } from '../catalogue/read-content';
import { loadConfig } from '../config/config';
import { databaseHealth, openDatabase } from '../db/open-database';
import { dbTime } from '../db/sql';
import { silentLogger } from '../logging/logger';
import type { Catalogue, FactValue } from '../rules/catalogue';
import type { NextQuestion } from '../rules/results';
import { createServices, type Services } from '../services';
import { ASSESSMENT_OF_FOUNDER, STEP_OF_ASSESSMENT } from '../services/assessment-service';
import { FOUNDER_EXISTS } from '../services/founder-service';
import { PROFILE_ANSWERS, upsertAnswers } from '../services/profile-service';
import type { CatalogueService } from '../services/catalogue-service';
import { EligibilityService } from '../services/eligibility-service';
import { systemClock } from '../services/clock';
import { sampleProfiles } from '../test/rules/support/profiles';
import { repoPath } from './support/compiled';

export interface BenchFounder {
  founderId: string;
  token: string;
  assessmentId: string;
  fact: string;
  value: FactValue;
}

export interface ServerInfo {
  base: string;
  founders: BenchFounder[];
  eligibilityBody: unknown;
}

/** The floors of the distinct rows: the replies the API makes for the same profiles. */
export type DistinctFloor = 'distinct-floor' | 'summary-floor';

const FOUNDERS = 100;
/** More distinct profiles than the check cache holds (ELIGIBILITY_CACHE_ENTRIES, default 500). */
export const DISTINCT_PROFILES = 5000;
/** Replies a distinct floor makes ahead (for the first of the same profiles): enough for their mean size. */
export const FLOOR_REPLIES = 1000;
const CONTENT_DIR = repoPath('content');

/** The hardtech persona of test/fixtures/personas: a realistic, fully answered profile. */
const PERSONA_ANSWERS = {
  region: 'shanghai',
  registered_in_shanghai: true,
  district: 'pudong',
  company_registered: true,
  company_age_months: 30,
  employees: 40,
  tech_staff_ratio: 45,
  annual_revenue_wan: 3000,
  total_assets_wan: 2500,
  rd_expense_wan: 360,
  rd_expense_ratio: 12,
  high_tech_income_ratio: 75,
  class1_ip_count: 3,
  class2_ip_count: 5,
  industry: 'ai',
  stage: 'growth',
  is_tech_sme: true,
  is_high_tech_enterprise: false,
  credit_blacklisted: false,
  major_incident_last_year: false,
};

/**
 * Serves `callback`, plus `GET /__bench/cpu`: the CPU time this process has
 * used and the requests it has answered, so the runner can report CPU per
 * request, which stays meaningful when other work shares the machine.
 */
function listen(callback: http.RequestListener): Promise<string> {
  let served = 0;
  const server = http.createServer({ keepAlive: true }, (req, res) => {
    if (req.url === '/__bench/cpu') {
      const { user, system } = process.cpuUsage();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ cpuMicros: user + system, served }));
      return;
    }
    served += 1;
    void callback(req, res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

/**
 * A fresh SQLite file, or the scratch MariaDB database, migrated and loaded
 * with the shipped content; closed (and the file removed) on SIGTERM.
 */
async function openBenchDatabase(kind: 'sqlite' | 'mysql') {
  const env: Record<string, string> = { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', CONTENT_DIR };
  if (kind === 'mysql') {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${url.pathname.slice(1)}_api_bench`;
    env.DATABASE_URL = url.toString();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-api-bench-'));
    env.SQLITE_PATH = path.join(dir, 'bench.sqlite');
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  const config = loadConfig(env);
  const dataSource = await openDatabase(config);
  const services = createServices({ dataSource, config, logger: silentLogger(), clock: systemClock, readCatalogue });
  await services.content.load(CONTENT_DIR, { actor: 'bench' });
  process.once('SIGTERM', () => {
    void dataSource.destroy().finally(() => process.exit(0));
  });
  return { dataSource, services, config };
}

/** FOUNDERS founders, each with an open assessment and an answer ready for its first question. */
async function benchFounders(services: Services): Promise<BenchFounder[]> {
  const founders: BenchFounder[] = [];
  for (let i = 0; i < FOUNDERS; i += 1) {
    const founder = await services.founders.findOrCreate({ channel: 'miniprogram', openid: `bench-${i}` });
    const view = await services.assessments.start(founder.id, {});
    const question = view.question!;
    founders.push({
      founderId: founder.id,
      token: services.sessions.issue(founder.id).token,
      assessmentId: view.id,
      fact: question.fact,
      value: valueFor(question),
    });
  }
  return founders;
}

function valueFor(question: NextQuestion): FactValue {
  if (question.type === 'boolean') return true;
  if (question.type === 'enum') return question.options![0]!.value;
  return Math.max(question.min ?? 0, 1);
}

/** The shipped catalogue and an eligibility service over it, in this process (`cacheEntries` as the service takes it). */
function shippedEligibility(cacheEntries = 0): { catalogue: Catalogue; eligibility: EligibilityService } {
  const { catalogue } = readCatalogue(CONTENT_DIR);
  const catalogues = { current: () => catalogue } as unknown as CatalogueService;
  return { catalogue, eligibility: new EligibilityService(catalogues, systemClock, cacheEntries) };
}

/** About as many routes as createApi declares. */
const FLOOR_ROUTES = 30;

/**
 * What the issue's stack costs before any of the app's own work: Koa with
 * koa-helmet, an @koa/router of FLOOR_ROUTES routes, the JSON body read and
 * parsed, and the persona's check reply as the API sends it (gzipped).
 * No rate limit, log, validation, cache or engine.
 */
function stackFloor(): Koa {
  const { eligibility } = shippedEligibility();
  const check = eligibility.check({ answers: PERSONA_ANSWERS });
  const reply = gzipSync(checkJson(check), { level: constants.Z_BEST_SPEED });
  return bareStack((router) =>
    router.post('/api/v1/eligibility', (ctx) => {
      ctx.type = 'application/json';
      ctx.set('Content-Encoding', 'gzip');
      ctx.body = reply;
    }),
  );
}

/**
 * The floor of a distinct row: the stack above answering each request with a
 * reply the API makes for one of `bodies` (?view=summary for the summary
 * floor), in turn, as the load generator sends them; made here before
 * listening, sent as the API sends a check's first serving (not compressed).
 * Its bytes per request are the distinct row's, its app work none.
 */
function distinctFloor(kind: DistinctFloor): Koa {
  const { catalogue, eligibility } = shippedEligibility();
  const bodies = distinctProfiles().slice(0, FLOOR_REPLIES);
  const replies = bodies.map((body) => {
    const check = eligibility.check({ answers: (JSON.parse(body) as { answers: unknown }).answers });
    return kind === 'summary-floor' ? checkSummaryJson(check, catalogue.facts) : checkJson(check);
  });
  let turn = 0;
  return bareStack((router) =>
    router.post('/api/v1/eligibility', (ctx) => {
      ctx.type = 'application/json';
      ctx.vary('Accept-Encoding');
      ctx.body = replies[turn++ % replies.length];
    }),
  );
}

/**
 * The app's own work on a distinct check, without HTTP, in this process: the
 * check (validation, cache key and lookup, engine) and the reply's bytes, for
 * each body in turn, as the distinct rows make them; not the body's parsing,
 * which the floor does too. CPU
 * milliseconds per check (best of three passes after a warm-up; garbage
 * collection included). A floor's CPU per request over (that + this) is the
 * most a distinct row's ratio to its floor could be if HTTP and middleware
 * cost the app nothing beyond the floor.
 */
export function appWorkPerCheck(view: 'full' | 'summary'): number {
  // The cache size the API runs with (ELIGIBILITY_CACHE_ENTRIES' default): a distinct check is never served from it.
  const { catalogue, eligibility } = shippedEligibility(500);
  // Parsed before timing: the floor reads and parses the same bodies with the same middleware.
  const bodies = distinctProfiles().map((body) => JSON.parse(body) as { answers: unknown });
  let best = Infinity;
  for (let pass = 0; pass < 4; pass += 1) {
    const before = process.cpuUsage();
    for (const body of bodies) {
      // A fresh copy each pass, as each request brings its own: the engine memoises per answers object.
      const check = eligibility.check({ answers: { ...(body.answers as object) } });
      if (view === 'summary') checkSummaryJson(check, catalogue.facts);
      else checkJson(check);
    }
    const used = process.cpuUsage(before);
    if (pass > 0) best = Math.min(best, (used.user + used.system) / bodies.length / 1000);
  }
  return best;
}

/** Request bodies for the no-cache rows: generated profiles (the same every run), each answering any subset of facts. */
export function distinctProfiles(): string[] {
  const { catalogue } = readCatalogue(CONTENT_DIR);
  const asOf = new Date().toISOString().slice(0, 10);
  return sampleProfiles(catalogue, asOf, DISTINCT_PROFILES).map((answers) => JSON.stringify({ answers }));
}

/** Koa + koa-helmet + the JSON body + an @koa/router of FLOOR_ROUTES routes, the last one added by `route`. */
function bareStack(route: (router: Router) => void): Koa {
  const app = new Koa();
  app.use(helmet());
  app.use(jsonBody(64 * 1024));
  const router = new Router();
  for (let i = 1; i < FLOOR_ROUTES; i += 1) router.get(`/api/v1/unused-${i}/:id`, (ctx) => (ctx.body = ''));
  route(router);
  app.use(router.routes());
  return app;
}

/**
 * The answer step against the required stack and the same SQLite work, with
 * none of the app's own code: Koa + koa-helmet + @koa/router, the JSON body,
 * the session token's HMAC, and the seven statements of an answer (founder
 * exists, assessment, profile, BEGIN, upsert, step UPDATE, COMMIT) run
 * straight on better-sqlite3; the reply is the API's own reply to an answer
 * step (the assessment with its verdicts, ~50 KB), made once before listening.
 */
async function statefulFloor(): Promise<ServerInfo> {
  const { dataSource, services } = await openBenchDatabase('sqlite');
  const founders = await benchFounders(services);
  type Statement = { run(...p: unknown[]): unknown; all(...p: unknown[]): unknown[]; get(...p: unknown[]): unknown };
  const db = (dataSource.driver as unknown as { databaseConnection: { prepare(sql: string): Statement } })
    .databaseConnection;
  const exists = db.prepare(FOUNDER_EXISTS);
  const load = db.prepare(ASSESSMENT_OF_FOUNDER);
  const profile = db.prepare(PROFILE_ANSWERS);
  const upsert = db.prepare(upsertAnswers('sqlite', 1));
  const step = db.prepare(STEP_OF_ASSESSMENT);
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  // The bytes the API sends for an answer step: an assessment with every verdict in full.
  const first = founders[0]!;
  const reply = assessmentJson(await services.assessments.get(first.founderId, first.assessmentId));
  const app = bareStack((router) =>
    router.post('/api/v1/me/assessments/:id/answers', (ctx) => {
      const check = services.sessions.verify(bearerToken(ctx) ?? '');
      if (!check.ok || !exists.get(check.founderId)) return ctx.throw(401);
      const row = load.get(ctx.params.id, check.founderId) as Record<string, string> | undefined;
      if (!row) return ctx.throw(404);
      profile.all(check.founderId);
      const { fact, value } = ctx.state.body as { fact: string; value: unknown };
      const now = dbTime(new Date());
      begin.run();
      upsert.run(check.founderId, fact, JSON.stringify(value), now, 'miniprogram');
      step.run(
        row.asked,
        row.skipped,
        row.status,
        row.snapshot,
        now,
        ctx.params.id,
        check.founderId,
        row.asked,
        row.skipped,
      );
      commit.run();
      ctx.type = 'application/json';
      ctx.body = reply;
    }),
  );
  return { base: await listen(app.callback()), founders, eligibilityBody: null };
}

export async function serve(
  kind: 'baseline' | 'floor' | 'stateful-floor' | DistinctFloor | 'sqlite' | 'mysql',
): Promise<ServerInfo> {
  if (kind === 'stateful-floor') return statefulFloor();
  if (kind === 'distinct-floor' || kind === 'summary-floor') {
    return { base: await listen(distinctFloor(kind).callback()), founders: [], eligibilityBody: null };
  }
  if (kind === 'baseline') {
    const app = new Koa();
    app.use((ctx) => {
      ctx.body = 'Hello World';
    });
    return { base: await listen(app.callback()), founders: [], eligibilityBody: null };
  }
  if (kind === 'floor') {
    return {
      base: await listen(stackFloor().callback()),
      founders: [],
      eligibilityBody: { answers: PERSONA_ANSWERS },
    };
  }
  const { dataSource, services, config } = await openBenchDatabase(kind);
  const founders = await benchFounders(services);
  const api = createApi({
    services,
    config,
    logger: silentLogger(),
    databaseHealth: () => databaseHealth(dataSource, 2000),
  });
  return { base: await listen(api.callback()), founders, eligibilityBody: { answers: PERSONA_ANSWERS } };
}
