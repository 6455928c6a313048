import fc from 'fast-check';
import path from 'node:path';
import { evaluate } from '../../rules';
import type { Answers, Criterion } from '../../rules/catalogue';
import type { OutlineNode, PolicyResult } from '../../rules/results';
import { readCatalogue } from '../../catalogue/read-content';
import { catalogue, policy } from './support/fixtures';
import { sampleProfiles } from './support/profiles';

const AS_OF = '2026-11-23';

function outlineOf(criteria: Criterion, answers: Answers): OutlineNode {
  return evaluate(catalogue([policy('p', criteria)]), answers, AS_OF).results[0]!.outline;
}

/** The outline without explanations' wording: shape, labels and statuses. */
function shape(node: OutlineNode): unknown {
  return node.group
    ? { [node.mode]: node.parts.map(shape), label: node.label, status: node.status }
    : `${node.status}: ${node.explanation}`;
}

/** Two channels, as 创新券 has: registered companies, or unregistered teams of three or more. */
const CHANNELS: Criterion = {
  any: [
    {
      all: [
        { fact: 'company_registered', op: '=', value: true },
        { fact: 'registered_in_shanghai', op: '=', value: true },
      ],
      label: '企业通道',
    },
    {
      all: [
        { fact: 'company_registered', op: '=', value: false },
        { fact: 'team_core_members', op: '>=', value: 3 },
      ],
      label: '团队通道',
    },
  ],
};

describe('criteria outline', () => {
  it('keeps the groups, their labels and "one of" that the flat list loses', () => {
    expect(shape(outlineOf(CHANNELS, {}))).toEqual({
      any: [
        {
          all: [
            expect.stringMatching(/^unknown: 尚未回答：已注册公司/),
            expect.stringMatching(/^unknown: 尚未回答：在上海注册/),
          ],
          label: '企业通道',
          status: 'unknown',
        },
        {
          all: [
            expect.stringMatching(/^unknown: 尚未回答：已注册公司/),
            expect.stringMatching(/^unknown: 尚未回答：核心团队人数/),
          ],
          label: '团队通道',
          status: 'unknown',
        },
      ],
      label: null,
      status: 'unknown',
    });
  });

  it('leaves out what cannot change a decided group', () => {
    // A registered company: the team channel has failed, and its headcount no longer matters.
    const outline = outlineOf(CHANNELS, { company_registered: true, registered_in_shanghai: true }) as Extract<
      OutlineNode,
      { group: true }
    >;
    expect(outline.status).toBe('met');
    // One channel met: the other, failed, is beside the point.
    expect(outline.parts.map((part) => (part.group ? part.label : part.explanation))).toEqual(['企业通道']);

    const failed = outlineOf(CHANNELS, { company_registered: true, registered_in_shanghai: false }) as Extract<
      OutlineNode,
      { group: true }
    >;
    expect(failed.status).toBe('not_met');
    expect(shape(failed)).toEqual({
      any: [
        {
          all: [expect.stringMatching(/^met: /), expect.stringMatching(/^not_met: 在上海注册/)],
          label: '企业通道',
          status: 'not_met',
        },
        // The unknown headcount is dropped: the failed registration already decides this channel.
        { all: [expect.stringMatching(/^not_met: 已注册公司/)], label: '团队通道', status: 'not_met' },
      ],
      label: null,
      status: 'not_met',
    });
  });

  it('reads a negated "all of" as "one of" the negated parts, without the label that says the opposite', () => {
    const outline = outlineOf(
      {
        not: {
          all: [
            { fact: 'credit_blacklisted', op: '=', value: true },
            { fact: 'employees', op: '>', value: 500 },
          ],
          label: '失信的大企业',
        },
      },
      { credit_blacklisted: true },
    );
    expect(outline).toMatchObject({ group: true, mode: 'any', label: null, status: 'unknown' });
    // Each part worded as the requirement it really is: not blacklisted (failed), at most 500 staff (unknown).
    expect((outline as Extract<OutlineNode, { group: true }>).parts.map((part) => part.status)).toEqual([
      'not_met',
      'unknown',
    ]);
  });

  it('agrees with the verdict and the flat criteria for every shipped policy on generated profiles', () => {
    const { catalogue: shipped } = readCatalogue(path.resolve(__dirname, '../../content'));
    const profiles = sampleProfiles(shipped, AS_OF, 300);
    const status = { met: 'eligible', not_met: 'not_eligible', unknown: 'maybe' } as const;
    const leaves = (node: OutlineNode): string[] => (node.group ? node.parts.flatMap(leaves) : [node.explanation]);
    fc.assert(
      fc.property(fc.constantFrom(...profiles), (answers) => {
        for (const result of evaluate(shipped, answers, AS_OF).results as PolicyResult[]) {
          // A policy with no version in force on AS_OF has nothing evaluated to outline.
          if (result.status === 'not_in_force') continue;
          // The outline shows the encoded conditions; conditions left to check cap a met outline at maybe.
          const capped = result.outline.status === 'met' && result.toCheck.length > 0;
          expect(capped ? 'maybe' : status[result.outline.status]).toBe(result.status);
          // Every line the outline shows is one the flat list explains the same way.
          const flat = new Set(result.criteria.map((criterion) => criterion.explanation));
          for (const line of leaves(result.outline)) expect(flat).toContain(line);
        }
      }),
      { numRuns: 150 },
    );
  });
});
