/**
 * Facet filters over criteria trees ("policies for the AI industry"): could a
 * policy still apply when only these facts are known? The lean view of the
 * criteria fold over an environment that knows only the given facts: none
 * of the engine's defaults or implications, and every policy reference
 * unknown, so a facet filter rules out only what the given facts rule out.
 */
import type { Catalogue, FactValue, PolicyVersion } from './catalogue';
import { compileCriterion } from './criteria-node';
import { UNKNOWN, NOT_MET } from './kleene';
import { leanTest, type LeanEnv } from './lean-criterion';
import { memoPerObject } from './memo';

/** Facts are read by name: the nodes are compiled without positions. */
const NO_POSITIONS: ReadonlyMap<string, number> = new Map();
const OPEN = Object.freeze({ truth: UNKNOWN, missing: Object.freeze([]) as readonly string[] });

const criteriaOf = memoPerObject((version: PolicyVersion) =>
  compileCriterion(version.criteria, version.scores ?? {}, NO_POSITIONS),
);

/** Only the given facts; every referenced policy could go either way. */
class KnownFacts implements LeanEnv {
  constructor(private readonly known: Readonly<Record<string, FactValue>>) {}
  getAt(): undefined {
    return undefined;
  }
  get(fact: string): FactValue | undefined {
    return this.known[fact];
  }
  outcome(): typeof OPEN {
    return OPEN;
  }
}

/** False only when the known facts alone make the version's criteria fail. */
export function couldApply(
  catalogue: Catalogue,
  version: PolicyVersion,
  known: Readonly<Record<string, FactValue>>,
): boolean {
  const test = leanTest(criteriaOf(version), { facts: catalogue.facts, factIndex: NO_POSITIONS });
  return test(new KnownFacts(known), []) !== NOT_MET;
}
