/**
 * Policy knowledge is content (issue 23): a new certificate-style policy,
 * the fact that says it is held, what holding it implies, its rung on the
 * ladder and a new topic are all declared in content files, and the engine
 * picks them up with no TypeScript change. Broken declarations are reported
 * by content:check with file, path and reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readCatalogue } from '../../catalogue/read-content';
import { evaluate, ladder, nextQuestion } from '../../rules';
import { copyContent, edit, problemsIn, removeCopies, write } from './support/content-dirs';

afterAll(removeCopies);

const AS_OF = '2026-11-23';
const CERTIFICATE = 'policies/sh.made-up-cert.yaml';

/** The minimal fixture plus a made-up certificate (认定) and a topic nobody has heard of (孵化认定). */
function contentWithMadeUpCertificate(): string {
  const dir = copyContent();
  edit(
    dir,
    'questions.yaml',
    'facts:\n',
    `facts:
  - fact: region
    type: enum
    label: 所在地区
    question: 公司在哪里？例如：上海
    why: 测试
    options: [{ value: shanghai, label: 上海 }]
    default: shanghai
  - fact: holds_made_up_cert
    type: boolean
    label: 已获虚构认定
    question: 是否已获得虚构认定？例如：否
    why: 测试
    implies:
      - when: true
        then: { registered_in_shanghai: true }
`,
  );
  edit(dir, 'topics.yaml', 'topics:\n', 'topics:\n  - 孵化认定\n');
  const alpha = fs.readFileSync(path.join(dir, 'policies/sh.alpha.yaml'), 'utf8');
  write(
    dir,
    CERTIFICATE,
    alpha
      .replace('id: sh.alpha', 'id: sh.made-up-cert')
      .replace(/^title: .*$/m, 'title: 虚构认定')
      .replace(/^topics: .*$/m, 'topics: [孵化认定]\nheld_by: holds_made_up_cert'),
  );
  write(
    dir,
    'ladder.yaml',
    'rungs:\n  - { policy: sh.alpha, title: 甲 }\n  - { policy: sh.made-up-cert, title: 虚构认定 }\n',
  );
  return dir;
}

describe('policy knowledge declared in content', () => {
  it('takes a new certificate-style policy, its ladder rung and a new topic without a TypeScript change', () => {
    const { catalogue, topics } = readCatalogue(contentWithMadeUpCertificate());
    expect(topics).toContain('孵化认定');
    const tagged = catalogue.policies.filter((p) => p.topics.includes('孵化认定')).map((p) => p.id);
    expect(tagged).toEqual(['sh.made-up-cert']);

    const answers = { holds_made_up_cert: true, employees: 10 };
    const evaluation = evaluate(catalogue, answers, AS_OF);
    const certificate = evaluation.results.find((r) => r.policy === 'sh.made-up-cert')!;
    // Holding it implies a Shanghai company (declared `implies`), and it is not needed again (`held_by`).
    expect(certificate.status).not.toBe('not_eligible');
    expect(certificate.missing).not.toContain('registered_in_shanghai');
    expect(certificate.notNeeded).toContain('虚构认定');
    expect(ladder(evaluation, answers)).toMatchObject({
      current: 'sh.made-up-cert',
      rungs: [
        { policy: 'sh.alpha', title: '测试政策甲' },
        { policy: 'sh.made-up-cert', state: 'held' },
      ],
      next: null,
    });
    // The ladder is for ladder(), not part of the evaluation's JSON.
    expect(JSON.parse(JSON.stringify(evaluation))).not.toHaveProperty('ladder');
    // A founder who holds it is never asked what it implies.
    expect(nextQuestion(catalogue, { holds_made_up_cert: true }, AS_OF, { policies: tagged })?.fact).not.toBe(
      'registered_in_shanghai',
    );
    // A rung the evaluation left out (a topic) is still named, with the title ladder.yaml gives it.
    const topicOnly = evaluate(catalogue, {}, AS_OF, { policies: ['sh.alpha'] });
    expect(ladder(topicOnly, {}).rungs[1]).toEqual({
      policy: 'sh.made-up-cert',
      title: '虚构认定',
      state: 'unavailable',
    });
  });

  it('reports a ladder rung naming no policy, an undeclared topic, a held_by that is not yes/no and a bad implication', () => {
    const dir = contentWithMadeUpCertificate();
    edit(dir, 'ladder.yaml', 'policy: sh.alpha,', 'policy: sh.gamma,');
    edit(dir, CERTIFICATE, 'topics: [孵化认定]', 'topics: [孵化]');
    edit(dir, CERTIFICATE, 'held_by: holds_made_up_cert', 'held_by: employees');
    edit(
      dir,
      'questions.yaml',
      'then: { registered_in_shanghai: true }',
      'then: { registered_in_shanghai: 是, founded: true }',
    );
    expect(problemsIn(dir)).toEqual(
      expect.arrayContaining([
        { path: 'ladder.yaml:rungs[0].policy', reason: 'unknown policy "sh.gamma"' },
        { path: `${CERTIFICATE}:topics[0]`, reason: 'unknown topic "孵化" (declare it in topics.yaml)' },
        { path: `${CERTIFICATE}:held_by`, reason: '"employees" is integer, not a yes/no fact' },
        { path: 'questions.yaml:facts[1].implies[0].then.registered_in_shanghai', reason: expect.any(String) },
        { path: 'questions.yaml:facts[1].implies[0].then.founded', reason: 'unknown fact "founded"' },
      ]),
    );
  });

  it('needs the topics declared', () => {
    const dir = copyContent();
    fs.rmSync(path.join(dir, 'topics.yaml'));
    expect(problemsIn(dir)).toContainEqual({
      path: 'topics.yaml:(top level)',
      reason: expect.stringMatching(/missing/),
    });
  });
});
