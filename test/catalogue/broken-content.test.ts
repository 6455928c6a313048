import fs from 'node:fs';
import path from 'node:path';
import { readCatalogue } from '../../catalogue/read-content';
import { ContentError } from '../../errors';
import { copyContent, edit, MINIMAL_CONTENT, problemsIn, removeCopies, write } from './support/content-dirs';

const ALPHA = 'policies/sh.alpha.yaml';
const BETA = 'policies/sh.beta.yaml';

afterAll(removeCopies);

describe('content:check on broken content', () => {
  it('accepts the minimal fixture as it is', () => {
    const { catalogue } = readCatalogue(MINIMAL_CONTENT);
    expect(catalogue.policies.map((p) => p.id)).toEqual(['sh.alpha', 'sh.beta']);
  });

  it('reports bad YAML syntax with the file and the line, and nothing that cascades from it', () => {
    const dir = copyContent();
    edit(dir, ALPHA, 'summary: 测试用政策。', 'summary: [测试用政策。');
    const problems = problemsIn(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toMatch(/^policies\/sh\.alpha\.yaml:line \d+, column \d+$/);
    expect(problems[0]!.reason).toMatch(/^YAML syntax/);
  });

  it('reports a duplicate key as a YAML problem', () => {
    const dir = copyContent();
    edit(dir, ALPHA, 'title: 测试政策甲\n', 'title: 测试政策甲\ntitle: 又一个标题\n');
    expect(problemsIn(dir)).toEqual([
      {
        path: expect.stringMatching(/^policies\/sh\.alpha\.yaml:line 3, column \d+$/),
        reason: expect.stringMatching(/unique/),
      },
    ]);
  });

  it('asks an automatic benefit (免申即享) for the note that replaces the steps', () => {
    const dir = copyContent();
    edit(dir, ALPHA, 'how_to_apply:\n', 'how_to_apply:\n  automatic: true\n');
    expect(problemsIn(dir)).toEqual([
      {
        path: `${ALPHA}:how_to_apply.note`,
        reason: 'an automatic benefit needs a note saying how it is obtained without applying',
      },
    ]);
    edit(dir, ALPHA, 'automatic: true\n', 'automatic: true\n  note: 在年度汇算清缴时自行享受。\n');
    expect(readCatalogue(dir).catalogue.policies.find((p) => p.id === 'sh.alpha')!.how_to_apply.automatic).toBe(true);
  });

  it('names an unknown fact with the path of the criterion', () => {
    const dir = copyContent();
    edit(dir, ALPHA, "{ fact: employees, op: '<='", "{ fact: staff_count, op: '<='");
    expect(problemsIn(dir)).toEqual([
      { path: `${ALPHA}:versions[0].criteria.all[1].fact`, reason: 'unknown fact "staff_count"' },
    ]);
  });

  it('points at a misspelt key instead of failing the whole criterion', () => {
    const dir = copyContent();
    edit(dir, ALPHA, "{ fact: employees, op: '<='", "{ fcat: employees, op: '<='");
    expect(problemsIn(dir)).toEqual(
      expect.arrayContaining([{ path: `${ALPHA}:versions[0].criteria.all[1].fcat`, reason: 'unknown key' }]),
    );
  });

  it('rejects values that do not fit the fact: an enum option that does not exist, a number for a yes/no fact', () => {
    const dir = copyContent();
    edit(dir, ALPHA, 'value: [pudong, yangpu]', 'value: [pudong, mars]');
    edit(dir, BETA, "{ fact: employees, op: '>', value: 300 }", "{ fact: registered_in_shanghai, op: '>', value: 1 }");
    expect(problemsIn(dir)).toEqual([
      {
        path: `${ALPHA}:versions[1].criteria.all[1].any[1].value`,
        reason: expect.stringContaining('"mars" is not an option of "district"'),
      },
      { path: `${BETA}:versions[0].criteria.all[1].not.value`, reason: expect.stringContaining('yes/no') },
    ]);
  });

  it('requires sources: on a version, on an incubator, and a number, URL or seed besides the title', () => {
    const dir = copyContent();
    edit(
      dir,
      ALPHA,
      '    sources:\n      - { title: 测试办法, number: 沪测〔2025〕1号 }\n    confidence: B\n',
      '    confidence: B\n',
    );
    edit(
      dir,
      'incubators/pudong.yaml',
      "      - { title: 测试名单, url: 'https://example.gov.cn/list' }",
      '      - { title: 测试名单 }',
    );
    write(dir, 'regions/pudong.yaml', fixtureRegion('sources: []'));
    expect(problemsIn(dir)).toEqual([
      {
        path: 'incubators/pudong.yaml:incubators[0].sources[0]',
        reason: expect.stringContaining('document number, a URL or a seed'),
      },
      { path: `${ALPHA}:versions[0].sources`, reason: 'missing (expected array)' },
      { path: 'regions/pudong.yaml:sources', reason: 'at least one source is required' },
    ]);
  });

  it('rejects versions of a policy that overlap', () => {
    const dir = copyContent();
    edit(dir, ALPHA, "    valid_to: '2025-12-31'\n", "    valid_to: '2026-01-01'\n");
    expect(problemsIn(dir)).toEqual([
      {
        path: `${ALPHA}:versions[1].valid_from`,
        reason: expect.stringContaining('overlaps versions[0] (2025-01-01 – 2026-01-01)'),
      },
    ]);
  });

  it('rejects an open-ended version followed by another', () => {
    const dir = copyContent();
    edit(dir, ALPHA, "    valid_to: '2025-12-31'\n", '');
    expect(problemsIn(dir)).toEqual([
      { path: `${ALPHA}:versions[1].valid_from`, reason: expect.stringContaining('open-ended') },
    ]);
  });

  it('rejects an id used twice, across kinds and within questions', () => {
    const dir = copyContent();
    edit(dir, 'incubators/pudong.yaml', 'id: pudong.test-incubator', 'id: sh.beta');
    edit(dir, 'questions.yaml', '  - fact: stage\n', '  - fact: employees\n');
    const problems = problemsIn(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: 'incubators/pudong.yaml:incubators[0].id',
          reason: 'duplicate id "sh.beta", already used at policies/sh.beta.yaml:id',
        },
        { path: 'questions.yaml:facts[5].fact', reason: 'fact "employees" is defined twice' },
      ]),
    );
  });

  // Each added to the first fact of the fixture, registered_in_shanghai (a yes/no).
  it.each([
    [
      'a usual answer the fact cannot take',
      '    usually: often\n',
      'usually',
      '"registered_in_shanghai" takes true or false, not "often"',
    ],
    [
      'an implication that compares an answer that is not a number',
      "    implies:\n      - when: { op: '<', value: 1 }\n        then: { employees: 0 }\n",
      'implies[0].when',
      '"registered_in_shanghai" is not a number: compare only numbers',
    ],
  ])('rejects %s', (_name, lines, field, reason) => {
    const dir = copyContent();
    edit(dir, 'questions.yaml', '    why: 测试\n  - fact: employees\n', `    why: 测试\n${lines}  - fact: employees\n`);
    expect(problemsIn(dir)).toEqual([{ path: `questions.yaml:facts[0].${field}`, reason }]);
  });

  it('rejects a reference to a policy that does not exist', () => {
    const dir = copyContent();
    edit(dir, BETA, '{ policy: sh.alpha }', '{ policy: sh.gamma }');
    expect(problemsIn(dir)).toEqual([
      { path: `${BETA}:versions[0].criteria.all[0].policy`, reason: 'unknown policy "sh.gamma"' },
    ]);
  });

  it('rejects a reference cycle, naming every reference in it', () => {
    const dir = copyContent();
    edit(
      dir,
      ALPHA,
      '        - any:\n            - { score: demo_score',
      '        - { policy: sh.beta }\n        - any:\n            - { score: demo_score',
    );
    expect(problemsIn(dir)).toEqual([
      {
        path: `${ALPHA}:versions[1].criteria.all[1].policy`,
        reason: 'policy reference cycle: sh.alpha → sh.beta → sh.alpha',
      },
      {
        path: `${BETA}:versions[0].criteria.all[0].policy`,
        reason: 'policy reference cycle: sh.alpha → sh.beta → sh.alpha',
      },
    ]);
  });

  it('rejects a policy that depends on itself', () => {
    const dir = copyContent();
    edit(dir, BETA, '{ policy: sh.alpha }', '{ policy: sh.beta }');
    expect(problemsIn(dir)).toEqual([
      { path: `${BETA}:versions[0].criteria.all[0].policy`, reason: 'policy reference cycle: sh.beta → sh.beta' },
    ]);
  });

  it('rejects impossible window dates', () => {
    const dir = copyContent();
    edit(dir, ALPHA, "opens: '2026-03-01', closes: '2026-03-31'", "opens: '2026-02-30', closes: '2026-03-31'");
    edit(dir, ALPHA, 'opens: 06-01, closes: 08-31', 'opens: 02-29, closes: 13-01');
    const problems = problemsIn(dir);
    expect(problems).toEqual([
      { path: `${ALPHA}:windows[0].opens`, reason: expect.stringContaining('no 02-29') },
      { path: `${ALPHA}:windows[0].closes`, reason: expect.stringContaining('MM-DD') },
      { path: `${ALPHA}:windows[1].opens`, reason: 'must be a real date written YYYY-MM-DD' },
    ]);
  });

  it('rejects a window that closes before it opens', () => {
    const dir = copyContent();
    edit(dir, ALPHA, "opens: '2026-03-01', closes: '2026-03-31'", "opens: '2026-03-31', closes: '2026-03-01'");
    edit(dir, ALPHA, 'opens: 06-01, closes: 08-31', 'opens: 08-31, closes: 06-01');
    expect(problemsIn(dir)).toEqual([
      { path: `${ALPHA}:windows[0].closes`, reason: 'the window closes before it opens' },
      { path: `${ALPHA}:windows[1].closes`, reason: 'the window closes before it opens' },
    ]);
  });

  it('rejects a score criterion whose table is not declared, and a table whose points do not add up', () => {
    const dir = copyContent();
    edit(dir, ALPHA, '{ score: demo_score', '{ score: other_score');
    edit(dir, ALPHA, 'max: 20', 'max: 100');
    expect(problemsIn(dir)).toEqual([
      {
        path: `${ALPHA}:versions[1].criteria.all[1].any[0].score`,
        reason: 'no score table "other_score" in this version\'s scores',
      },
      {
        path: `${ALPHA}:versions[1].scores.demo_score.max`,
        reason: 'the components give at most 20 points, max says 100',
      },
    ]);
  });

  it('checks incubators against the vocabulary and a policy against its file name', () => {
    const dir = copyContent();
    edit(dir, 'incubators/pudong.yaml', 'industries: [ai]', 'industries: [space]');
    edit(dir, 'incubators/pudong.yaml', 'district: pudong', 'district: atlantis');
    edit(dir, BETA, 'id: sh.beta', 'id: sh.delta');
    expect(problemsIn(dir)).toEqual([
      { path: `${BETA}:id`, reason: 'the id "sh.delta" belongs in policies/sh.delta.yaml' },
      {
        path: 'incubators/pudong.yaml:incubators[0].district',
        reason: '"atlantis" is not one of the district options',
      },
      {
        path: 'incubators/pudong.yaml:incubators[0].industries[0]',
        reason: '"space" is not one of the industry options',
      },
    ]);
  });

  it('reports every problem across all files at once', () => {
    const dir = copyContent();
    edit(dir, ALPHA, "{ fact: employees, op: '<='", "{ fact: staff_count, op: '<='");
    edit(dir, BETA, '{ policy: sh.alpha }', '{ policy: sh.gamma }');
    edit(dir, 'incubators/pudong.yaml', "verified_at: '2026-11-23'", "verified_at: '2026-11-31'");
    write(dir, 'regions/broken.yaml', 'id: [broken\n');
    write(dir, 'policy/typo.yaml', 'id: x\n');
    let error: unknown;
    try {
      readCatalogue(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).details.map((d) => d.path)).toEqual([
      'incubators/pudong.yaml:incubators[0].verified_at',
      'policy/typo.yaml:(top level)',
      expect.stringMatching(/^regions\/broken\.yaml:line \d+/),
      `${ALPHA}:versions[0].criteria.all[1].fact`,
      `${BETA}:versions[0].criteria.all[0].policy`,
    ]);
  });

  it('reports a missing questions.yaml once instead of every fact as unknown', () => {
    const dir = copyContent();
    fs.rmSync(path.join(dir, 'questions.yaml'));
    expect(problemsIn(dir)).toEqual([
      { path: 'questions.yaml:(top level)', reason: expect.stringContaining('file missing') },
    ]);
  });

  it('refuses a directory that does not exist', () => {
    expect(() => readCatalogue('/nonexistent/founder-guide-content')).toThrow(ContentError);
  });
});

function fixtureRegion(sources: string): string {
  return [
    'id: pudong',
    'name: 浦东新区',
    'scope: shanghai',
    'district: pudong',
    'summary: 测试区域。',
    'offers: [测试服务]',
    'targets: []',
    'industries: [ai]',
    sources,
    "verified_at: '2026-11-23'",
    'confidence: B',
    '',
  ].join('\n');
}
