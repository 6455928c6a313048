/**
 * A policy's criteria as the founder should read them: the tree, with each
 * group's label and whether it asks for all or one of its parts. The flat
 * list of leaves (PolicyResult.criteria) loses that: 创新券's enterprise and
 * team channels read "已注册公司（已注册企业）" next to "已注册公司（尚未注册公司）",
 * and 高企's three revenue bands read as contradictory requirements.
 *
 * A view of the criteria fold, with the traced view's statuses and
 * explanations; as there, a part that cannot change the group's outcome is
 * left out (see `matters`).
 */
import { criteriaView, type Vocabulary } from './criteria-fold';
import { FACT, POLICY, valueOf, type CriterionNode } from './criteria-node';
import { factLeaf, newTrace, traceStep, type CriterionEnv, type LeafStep } from './evaluate-criterion';
import { group, groupLogic, not, undecided } from './kleene';
import type { Truth } from './results';

export interface OutlineLeaf {
  group: false;
  status: Truth;
  /** As in CriterionResult: "研发费用占比 4.2% < 要求 5%". */
  explanation: string;
  /** As in CriterionResult: the fact compared, or `policy:<id>` / `score:<name>`. */
  fact: string;
}

export interface OutlineGroup {
  group: true;
  /** `any`: one of the parts is enough (e.g. the enterprise or the team channel). */
  mode: 'all' | 'any';
  /** The content's label for the group, when it has one ("企业通道：在沪注册的科技型中小企业"). */
  label: string | null;
  status: Truth;
  parts: OutlineNode[];
}

export type OutlineNode = OutlineLeaf | OutlineGroup;

/**
 * Whether a part is worth showing under its group: in a decided group, an
 * unknown part cannot change anything; when one of a group's alternatives is
 * met, the others that are not are beside the point.
 */
function matters(part: Truth, group: Truth, mode: 'all' | 'any'): boolean {
  if (group === 'unknown') return true;
  if (part === 'unknown') return false;
  return !(mode === 'any' && group === 'met' && part === 'not_met');
}

type OutlineStep = (env: CriterionEnv, negated: boolean) => OutlineNode;

/** A leaf reads exactly as the traced view explains it. */
function leafResult(node: CriterionNode, vocabulary: Vocabulary): LeafStep {
  if (node.kind === FACT) return factLeaf(node, vocabulary);
  // References and scores (a few per catalogue): through a trace of their own.
  const step = traceStep(node, vocabulary);
  return (env, negated) => {
    const trace = newTrace();
    step(env, trace, negated);
    return trace.criteria[0]!;
  };
}

function outlineLeaf(node: CriterionNode, vocabulary: Vocabulary): OutlineStep {
  const leaf = leafResult(node, vocabulary);
  return (env, negated) => {
    const { status, explanation, fact } = leaf(env, negated);
    return { group: false, status, explanation, fact };
  };
}

/** The outline view of the criteria fold (criteria-fold.ts); negations are pushed down to the leaves. */
const outlineStep = criteriaView<OutlineStep>({
  group: (isAll, children, node) => (env, negated) => {
    // Under a negation, "all of" reads as "one of" the negated parts, and the other way round.
    const mode = isAll !== negated ? 'all' : 'any';
    const parts = children.map((child) => child(env, negated));
    const status = group(
      groupLogic(mode === 'all'),
      parts.map((part) => part.status),
    );
    // A label words the group as written; under a negation it would say the opposite.
    const label = !negated && 'label' in node.source && node.source.label ? node.source.label : null;
    const shown = parts.filter((part) => matters(part.status, status, mode));
    return { group: true, mode, label, status, parts: shown };
  },
  not: (inner) => (env, negated) => inner(env, !negated),
  fact: outlineLeaf,
  policy: outlineLeaf,
  score: outlineLeaf,
});

/** The outline of a criteria tree, as the founder sees it. */
export function outlineCriterion(node: CriterionNode, env: CriterionEnv, negated = false): OutlineNode {
  return outlineStep(node, env.vocabulary)(env, negated);
}

/**
 * The conditions a "no" failed on, as the founder should read them: every
 * failed part of an "all", and of a failed "one of" (高企's revenue bands)
 * only the alternative closest to passing, not every band the founder is not in.
 * (failedLeavesOf finds the same without building the outline.)
 */
export function failedLeaves(node: OutlineNode): OutlineLeaf[] {
  if (node.status !== 'not_met') return [];
  if (!node.group) return [node];
  if (node.mode === 'all') return node.parts.flatMap(failedLeaves);
  const alternatives = node.parts.map(failedLeaves).filter((leaves) => leaves.length > 0);
  if (alternatives.length === 0) return [];
  return alternatives.reduce((best, leaves) => (leaves.length < best.length ? leaves : best));
}

/**
 * One node's failed leaves, found without building the outline: appends to
 * `out` the leaves failedLeaves would give for this node when it fails (and
 * nothing otherwise), and returns its status as the founder sees it. The list
 * a phone asks for names what every "no" failed on, for most of the policies,
 * on every check.
 */
type FailedStep = (env: CriterionEnv, negated: boolean, out: OutlineLeaf[]) => Truth;

function failedLeaf(node: CriterionNode, vocabulary: Vocabulary): FailedStep {
  const leaf = leafResult(node, vocabulary);
  // Most leaves do not fail: facts and references are explained only when they do.
  const statusOf: (env: CriterionEnv, negated: boolean) => Truth =
    node.kind === FACT
      ? (env, negated) => {
          const value = valueOf(node, env);
          if (value === undefined) return 'unknown';
          return node.holds(value) === negated ? 'not_met' : 'met';
        }
      : node.kind === POLICY
        ? (env, negated) => seenAs(env.outcome(node.name).truth, negated)
        : (env, negated) => leaf(env, negated).status; // a score (rare): explained, then again if it fails
  return (env, negated, out) => {
    const status = statusOf(env, negated);
    if (status === 'not_met') {
      const { explanation, fact } = leaf(env, negated);
      out.push({ group: false, status, explanation, fact });
    }
    return status;
  };
}

/** A truth as the founder sees it under `negated`. */
function seenAs(truth: Truth, negated: boolean): Truth {
  return negated ? not(truth) : truth;
}

/** The failed-leaves view of the criteria fold, held to failedLeaves(outline) by the differential test. */
const failedStep = criteriaView<FailedStep>({
  group: (isAll, children) => (env, negated, out) => {
    const all = isAll !== negated;
    const logic = groupLogic(all);
    const start = out.length;
    let decided = false;
    let open = false;
    // "One of" failed: the alternative with the fewest failed leaves (the first of equals).
    let closest: OutlineLeaf[] | null = null;
    for (const child of children) {
      const mark = out.length;
      const status = child(env, negated, out);
      if (status === logic.decisive) decided = true;
      else if (status === 'unknown') open = true;
      if (status !== 'not_met') out.length = mark;
      else if (!all) {
        const alternative = out.splice(mark);
        if (alternative.length > 0 && (closest === null || alternative.length < closest.length)) closest = alternative;
      }
    }
    const status = decided ? logic.decisive : undecided(logic, open);
    if (status !== 'not_met') out.length = start;
    else if (closest !== null) for (const leaf of closest) out.push(leaf);
    return status;
  },
  not: (inner) => (env, negated, out) => inner(env, !negated, out),
  fact: failedLeaf,
  policy: failedLeaf,
  score: failedLeaf,
});

/** failedLeaves(outlineCriterion(node, env)), without the outline. */
export function failedLeavesOf(node: CriterionNode, env: CriterionEnv): OutlineLeaf[] {
  const out: OutlineLeaf[] = [];
  failedStep(node, env.vocabulary)(env, false, out);
  return out;
}
