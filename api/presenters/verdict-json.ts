/**
 * One verdict straight to UTF-8 JSON (./json-bytes), for the cache miss of a
 * check (issue 21): the same members, in the same order, as
 * JSON.stringify(presentResult(r)) and JSON.stringify(presentSummary(r, facts))
 * in ./eligibility (test/api/verdict-json.test.ts holds them to it), without
 * building the objects.
 *
 * Most of a verdict's bytes do not depend on the founder: the policy's id,
 * title, benefit, sources, verified date, caveats and window. The compiled
 * catalogue shares those objects between every verdict of a release, so
 * their JSON is encoded once per policy and release and copied in; only the
 * status, criteria, missing facts, near misses, conditions to check and
 * not-needed reason are written per check.
 */
import type { FactDefinition } from '../../rules/catalogue';
import type { CriterionResult, PolicyResult } from '../../rules/results';
import { jsonBytes } from './json-bytes';
import { benefitLine, deadlineOf, presentWindow, sourceText } from './verdict-fields';

type Facts = Readonly<Record<string, FactDefinition>>;

/** What the fragments were made from: reused only while a verdict shares every one of them. */
interface Made {
  policy: string;
  title: string;
  benefit: PolicyResult['benefit'];
  verifiedAt: string;
  caveats: PolicyResult['caveats'];
  sources: PolicyResult['sources'];
  nextWindow: PolicyResult['nextWindow'];
  toCheck: PolicyResult['toCheck'];
}

/** UTF-8 JSON. */
interface Fragments extends Made {
  /** `{"policy":…,"title":…,"status":` */
  head: Buffer;
  /** `,"benefit":…,"caveats":[…],"to_check":` (full view) */
  middle: Buffer;
  /** the policy's own conditions to check, as most verdicts list them */
  toCheckJson: Buffer;
  /** `,"window":…,"not_needed":` (full view) */
  tail: Buffer;
  /** `,"benefit":"<first clause>"` (summary view) */
  summaryBenefit: Buffer;
  /** `,"deadline":…}` or `}` (summary view: an unknown deadline is left out) */
  summaryEnd: Buffer;
}

// Keyed by the compiled sources list: one per policy (or dormant policy) and release, frozen and shared.
const fragmentsOf = new WeakMap<object, Fragments>();

function sameInputs(made: Made, result: PolicyResult): boolean {
  return (
    made.benefit === result.benefit &&
    made.caveats === result.caveats &&
    made.nextWindow === result.nextWindow &&
    made.policy === result.policy &&
    made.title === result.title &&
    made.verifiedAt === result.verifiedAt
  );
}

function makeFragments(result: PolicyResult): Fragments {
  const deadline = deadlineOf(result.nextWindow);
  return {
    policy: result.policy,
    title: result.title,
    benefit: result.benefit,
    verifiedAt: result.verifiedAt,
    caveats: result.caveats,
    sources: result.sources,
    nextWindow: result.nextWindow,
    toCheck: result.toCheck,
    head: Buffer.from(`{"policy":${JSON.stringify(result.policy)},"title":${JSON.stringify(result.title)},"status":`),
    middle: Buffer.from(
      `,"benefit":${JSON.stringify(result.benefit.description)},"deadline":${JSON.stringify(deadline)}` +
        `,"sources":${JSON.stringify(result.sources.map(sourceText))},"verified_at":${JSON.stringify(result.verifiedAt)}` +
        `,"caveats":${JSON.stringify(result.caveats)},"to_check":`,
    ),
    toCheckJson: Buffer.from(JSON.stringify(result.toCheck)),
    tail: Buffer.from(`,"window":${JSON.stringify(presentWindow(result.nextWindow))},"not_needed":`),
    summaryBenefit: Buffer.from(`,"benefit":${JSON.stringify(benefitLine(result.benefit.description))}`),
    summaryEnd: Buffer.from(deadline !== null ? `,"deadline":${JSON.stringify(deadline)}}` : '}'),
  };
}

function fragments(result: PolicyResult): Fragments {
  const known = fragmentsOf.get(result.sources);
  if (known !== undefined && sameInputs(known, result)) return known;
  const made = makeFragments(result);
  fragmentsOf.set(result.sources, made);
  return made;
}

/** `[…]` of JSON strings. */
function stringsJson(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  let text = '[';
  for (let i = 0; i < items.length; i += 1) text += (i > 0 ? ',' : '') + JSON.stringify(items[i]);
  return `${text}]`;
}

const STATUS_JSON: Readonly<Record<CriterionResult['status'], string>> = {
  met: '"met"',
  not_met: '"not_met"',
  unknown: '"unknown"',
};

/**
 * The engine returns one frozen CriterionResult to every check whose founder
 * gave the same yes/no or option, or left the fact unanswered (FactExplainer):
 * about half of a reply's ~110 criteria. Their JSON is made once. Results made
 * for one check (a number's sentence) are not frozen, and not kept.
 */
const sharedCriterionJson = new WeakMap<CriterionResult, string>();

function criterionJson(c: CriterionResult): string {
  const shared = Object.isFrozen(c);
  let json = shared ? sharedCriterionJson.get(c) : undefined;
  if (json === undefined) {
    json = `{"fact":${JSON.stringify(c.fact)},"status":${STATUS_JSON[c.status]},"explanation":${JSON.stringify(c.explanation)}}`;
    if (shared) sharedCriterionJson.set(c, json);
  }
  return json;
}

/** Writes JSON.stringify(presentResult(result)) around the policy's shared fragments. */
export function writeVerdict(result: PolicyResult): void {
  const f = fragments(result);
  jsonBytes.bytes(f.head);
  let text = `${JSON.stringify(result.status)},"criteria":[`;
  const criteria = result.criteria;
  for (let i = 0; i < criteria.length; i += 1) text += (i > 0 ? ',' : '') + criterionJson(criteria[i]!);
  text += `],"missing":${stringsJson(result.missing)},"near_miss":[`;
  const nearMiss = result.nearMiss;
  for (let i = 0; i < nearMiss.length; i += 1) {
    const m = nearMiss[i]!;
    text +=
      `${i > 0 ? ',' : ''}{"fact":${JSON.stringify(m.fact)},"needed":${JSON.stringify(m.needed)}` +
      `,"current":${JSON.stringify(m.current)},"explanation":${JSON.stringify(m.explanation)}}`;
  }
  jsonBytes.text(`${text}]`);
  jsonBytes.bytes(f.middle);
  if (result.toCheck === f.toCheck) jsonBytes.bytes(f.toCheckJson);
  else jsonBytes.text(JSON.stringify(result.toCheck));
  jsonBytes.bytes(f.tail);
  jsonBytes.text(`${JSON.stringify(result.notNeeded ?? null)}}`);
}

/** Writes JSON.stringify(presentSummary(result, facts)) the same way. */
export function writeVerdictSummary(result: PolicyResult, facts: Facts): void {
  const f = fragments(result);
  jsonBytes.bytes(f.head);
  jsonBytes.text(JSON.stringify(result.status));
  jsonBytes.bytes(f.summaryBenefit);
  let text = '';
  if (result.status === 'not_eligible') {
    // What a "no" failed on, each name once (a failed "one of" by its closest alternative).
    const failed = new Set<string>();
    for (const leaf of result.failed) {
      failed.add(leaf.fact in facts ? (facts[leaf.fact]?.label ?? leaf.fact) : leaf.explanation);
    }
    if (failed.size > 0) text += `,"failed":${stringsJson([...failed])}`;
  }
  const missing = result.missing;
  if (missing.length > 0) text += `,"missing":${stringsJson(missing.map((fact) => facts[fact]?.label ?? fact))}`;
  const nearMiss = result.nearMiss;
  if (nearMiss.length > 0) text += `,"near_miss":${stringsJson(nearMiss.map((m) => m.explanation))}`;
  if (text.length > 0) jsonBytes.text(text);
  jsonBytes.bytes(f.summaryEnd);
}
