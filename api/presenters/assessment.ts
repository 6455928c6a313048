import type { Assessment, AssessmentView } from '../../services/assessment-service';
import type { FactDefinition } from '../../rules/catalogue';
import { resultsJson, summaryResultsJson } from './check-json';
import { presentQuestion } from './eligibility';

const CLOSE = Buffer.from('}');

/**
 * An assessment as the API shows it (schemas/assessments.ts), as UTF-8 JSON.
 * The verdicts are serialised once per check (many founders share a check)
 * and spliced in as bytes; only the few fields of this assessment are
 * serialised per reply.
 */
export function assessmentJson(
  view: AssessmentView,
  summaryFacts: Readonly<Record<string, FactDefinition>> | null = null,
): Buffer {
  const head = JSON.stringify(assessmentHead(view));
  if (summaryFacts) {
    const results = summaryResultsJson(view.check.evaluation, summaryFacts);
    return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"view":"summary","results":`), results, CLOSE]);
  }
  return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"results":`), resultsJson(view.check.evaluation), CLOSE]);
}

function assessmentHead(view: AssessmentView) {
  return {
    id: view.id,
    status: view.status,
    topic: view.topic,
    policies: view.policies,
    asked: view.asked,
    skipped: view.skipped,
    next_question: presentQuestion(view.question),
    previous_value: view.previousValue,
    progress: view.progress,
    as_of: view.check.evaluation.asOf,
    created_at: view.createdAt.toISOString(),
    updated_at: view.updatedAt.toISOString(),
  };
}

export function presentAssessmentSummary(assessment: Assessment) {
  return {
    id: assessment.id,
    status: assessment.status,
    topic: assessment.topic,
    created_at: assessment.createdAt.toISOString(),
    updated_at: assessment.updatedAt.toISOString(),
  };
}
