/**
 * The one fold over compiled criteria nodes. Every walk of a criteria tree
 * (the lean truth, the traced explanation, the outline, flips-needed,
 * reachability, the facet filter) is a view: an algebra saying what a node of
 * each kind becomes, given what its children became. The fold holds the only
 * switch over node kinds and compiles each node once per view (memoised on the
 * node), so a view is a tree of closures specialised for its nodes, built on
 * first use and kept as long as the compiled catalogue lives. Adding a kind of
 * criterion means adding a case here and a method to the algebra; the
 * compiler then names every view that lacks it.
 */
import type { FactDefinition } from './catalogue';
import { ALL, ANY, FACT, NOT, POLICY, type CriterionNode } from './criteria-node';
import { memoPerObject } from './memo';

/** What compiling a view needs from the vocabulary: definitions (for score ranges) and fact positions. */
export interface Vocabulary {
  facts: Readonly<Record<string, FactDefinition>>;
  factIndex: ReadonlyMap<string, number>;
}

/** What one view makes of each kind of node; `parts` are the children, already folded. */
export interface CriteriaAlgebra<R> {
  group(isAll: boolean, parts: R[], node: CriterionNode, vocabulary: Vocabulary): R;
  not(inner: R, node: CriterionNode, vocabulary: Vocabulary): R;
  fact(node: CriterionNode, vocabulary: Vocabulary): R;
  policy(node: CriterionNode, vocabulary: Vocabulary): R;
  /** A score leaf (`node.table` null when the version does not declare the score: fails closed). */
  score(node: CriterionNode, vocabulary: Vocabulary): R;
}

/**
 * A view of criteria trees: folds a node (and its subtree) with `algebra` on
 * first use. Keyed by node alone: a node belongs to one compiled catalogue,
 * hence to one vocabulary.
 */
export function criteriaView<R>(algebra: CriteriaAlgebra<R>): (node: CriterionNode, vocabulary: Vocabulary) => R {
  const fold = memoPerObject((node: CriterionNode, vocabulary: Vocabulary): R => {
    switch (node.kind) {
      case ALL:
      case ANY:
        return algebra.group(
          node.kind === ALL,
          node.children.map((child) => fold(child, vocabulary)),
          node,
          vocabulary,
        );
      case NOT:
        return algebra.not(fold(node.children[0]!, vocabulary), node, vocabulary);
      case FACT:
        return algebra.fact(node, vocabulary);
      case POLICY:
        return algebra.policy(node, vocabulary);
      default:
        return algebra.score(node, vocabulary);
    }
  });
  return fold;
}
