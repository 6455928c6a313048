/**
 * The public API of the rules engine: pure functions over a catalogue and a
 * founder's answers (see docs in each module). Nothing here does I/O or reads
 * the clock: the as-of date is always passed in.
 */
export { validateAnswers, answerIssues, checkValue } from './validate-answers';
export { isFact, factDefinition } from './fact-lookup';
export { evaluate, type EvaluateOptions } from './evaluate';
export { nextQuestion, type NextQuestionOptions } from './next-question';
export { ladder, declaredLadder } from './ladder';
export { rankIncubators, type IncubatorOptions } from './rank-incubators';
export { estimateBenefits } from './estimate-benefits';
export { runAdaptiveLoop, questionnaireLength, type AdaptiveOptions, type AdaptiveRun } from './adaptive-loop';
export { expandWindows, nextWindow, isOpenOn, daysBetween, addDays } from './windows';
export { effectiveAnswers, implicationsOf } from './answers';
export { versionOn, appliesToRegion } from './compile-catalogue';
export { formatValue } from './format-value';
export { couldApply } from './facet-filter';
export * as kleene from './kleene';
export type * from './catalogue';
export type * from './results';
