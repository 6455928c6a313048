import type { Assessment } from '../../entities';
import type { AssessmentView } from '../../services/assessment-service';
import { presentQuestion, presentResults } from './eligibility';

export function presentAssessment(view: AssessmentView) {
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
    results: presentResults(view.check.evaluation),
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
