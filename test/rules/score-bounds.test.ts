import { evaluate } from '../../rules';
import { catalogue, techSme } from './support/fixtures';

const cat = catalogue([techSme()]);
const base = { company_registered: true, employees: 40, credit_blacklisted: false, is_high_tech_enterprise: false };

function techSmeResult(answers: Record<string, number | boolean>) {
  return evaluate(cat, { ...base, ...answers }, '2026-11-23').results[0]!;
}

describe('科技型中小企业 score with bounds', () => {
  it('sums the known components exactly, with a breakdown', () => {
    const result = techSmeResult({
      tech_staff_ratio: 15,
      rd_expense_ratio: 3.5,
      rd_cost_ratio: 4,
      class1_ip_count: 0,
      class2_ip_count: 2,
    });
    expect(result.status).toBe('not_eligible');
    expect(result.scores[0]).toMatchObject({
      min: 40,
      max: 40,
      components: [
        { label: '科技人员占比', points: 8, max: 20 },
        { label: '研发投入', points: 20, max: 50 },
        { label: '科技成果', points: 12, max: 30 },
      ],
    });
    expect(result.criteria.find((c) => c.fact === 'score:tech_sme_score')!.explanation).toBe(
      '科技型中小企业综合评分 40 分 < 要求 60 分',
    );
  });

  it('band lower bounds are inclusive: 5% R&D is in the 5–6 band', () => {
    const result = techSmeResult({ tech_staff_ratio: 10, rd_expense_ratio: 5, rd_cost_ratio: 0, class1_ip_count: 1 });
    expect(result.scores[0]).toMatchObject({ min: 74, max: 74 });
  });

  it('is eligible as soon as the lower bound reaches 60, without asking the other R&D measure', () => {
    const result = techSmeResult({ tech_staff_ratio: 30, rd_expense_ratio: 6, class1_ip_count: 0 });
    // 20 + 50 + [0, 24]: the lower bound 70 already passes.
    expect(result.status).toBe('eligible');
    expect(result.missing).toEqual([]);
  });

  it('uses the known R&D measure as the floor of best_of and asks only what could still help', () => {
    const result = techSmeResult({
      tech_staff_ratio: 20,
      rd_expense_ratio: 4.5,
      class1_ip_count: 0,
      class2_ip_count: 1,
    });
    // 12 + [30, 50] + 6 = [48, 68]: open; only rd_cost_ratio can raise it.
    expect(result.status).toBe('maybe');
    expect(result.scores[0]).toMatchObject({ min: 48, max: 68 });
    expect(result.missing).toEqual(['rd_cost_ratio']);
    expect(result.criteria.find((c) => c.fact === 'score:tech_sme_score')!.explanation).toContain('48–68');
  });

  it('is not eligible when even 50 R&D points cannot reach 60', () => {
    const result = techSmeResult({ tech_staff_ratio: 10, class1_ip_count: 0, class2_ip_count: 0 });
    // 4 + [0, 50] + 0 < 60, and no 高企 certificate.
    expect(result.status).toBe('not_eligible');
    expect(result.missing).toEqual([]);
  });

  it('an unknown alternative that cannot beat the known one is not missing', () => {
    const result = techSmeResult({ tech_staff_ratio: 20, rd_expense_ratio: 6, class2_ip_count: 4 });
    // 12 + 50 + [24, 30] ≥ 60 whatever class1 is.
    expect(result.status).toBe('eligible');
    expect(result.missing).toEqual([]);
  });

  it('the 高企 direct route settles the score: nothing about it is asked', () => {
    const result = techSmeResult({ tech_staff_ratio: 12, is_high_tech_enterprise: true });
    expect(result.status).toBe('eligible');
    expect(result.missing).toEqual([]);
  });
});
