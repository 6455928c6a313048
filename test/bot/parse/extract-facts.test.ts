/**
 * Sentences founders send, and the facts each states (issue 18): the cases
 * observed in chat, traditional Chinese (simplified by the engine first, as
 * here), and sentences that must set nothing.
 */
import path from 'node:path';
import { readCatalogue } from '../../../catalogue/read-content';
import { readScript } from '../../../bot/chinese-script';
import { extractFacts, type UnsureReason } from '../../../bot/parse/extract-facts';
import type { FactValue } from '../../../rules/catalogue';

const facts = readCatalogue(path.resolve(__dirname, '../../../content')).catalogue.facts;
const TODAY = '2026-12-04';

function read(text: string) {
  return extractFacts(readScript(text).simplified, facts, TODAY);
}

const STATED: [string, Record<string, FactValue>][] = [
  [
    '我们公司2023年3月在上海注册的，现在80个人，去年营收6000万，研发投入占营收4.5%，有1项发明专利',
    {
      company_registered: true,
      registered_in_shanghai: true,
      region: 'shanghai',
      company_age_months: 45,
      employees: 80,
      annual_revenue_wan: 6000,
      rd_expense_ratio: 4.5,
      class1_ip_count: 1,
    },
  ],
  [
    '是，14个月前在浦东注册的，做生物医药，12个人',
    {
      company_registered: true,
      registered_in_shanghai: true,
      district: 'pudong',
      region: 'shanghai',
      company_age_months: 14,
      industry: 'biomedicine',
      employees: 12,
    },
  ],
  ['还没注册，就我们三个人', { company_registered: false, team_core_members: 3 }],
  ['营收1.5亿', { annual_revenue_wan: 15000 }],
  ['去年销售额3000万元', { annual_revenue_wan: 3000 }],
  ['研发费用占比百分之五', { rd_expense_ratio: 5 }],
  ['研发人员占三成', { tech_staff_ratio: 30 }],
  ['员工80人，其中研发人员20人', { employees: 80, tech_staff_ratio: 25 }],
  // The people named first and counted after.
  ['现在15个人，研发人员6个', { employees: 15, tech_staff_ratio: 40 }],
  ['员工20个', { employees: 20 }],
  ['公司成立两年了', { company_registered: true, company_age_months: 24 }],
  ['注册了2年3个月', { company_registered: true, company_age_months: 27 }],
  ['公司成立一年半', { company_registered: true, company_age_months: 18 }],
  ['2024年6月成立的', { company_registered: true, company_age_months: 30 }],
  ['去年5月注册的', { company_registered: true, company_age_months: 19 }],
  ['我们在张江', { district: 'pudong', region: 'shanghai' }],
  ['团队在浙江的县里', { region: 'zj-county' }],
  ['我们在浙江，入驻了县里的孵化器', { region: 'zj-county', in_incubator: true }],
  ['没有入驻孵化器', { in_incubator: false }],
  ['我不是上海户口', { founder_hukou_shanghai: false }],
  ['本人上海户籍', { founder_hukou_shanghai: true }],
  ['我是美国读的博士', { founder_education: 'phd', founder_overseas_degree: true }],
  ['我硕士毕业', { founder_education: 'master' }],
  ['学校QS排名第35', { founder_overseas_univ_rank: 35 }],
  ['已经是高企了', { is_high_tech_enterprise: true }],
  ['科小已经入库', { is_tech_sme: true }],
  ['还不是高新技术企业', { is_high_tech_enterprise: false }],
  ['有2项发明专利和5项软著', { class1_ip_count: 2, class2_ip_count: 5 }],
  ['发明专利3项', { class1_ip_count: 3 }],
  ['天使轮融了500万', { first_round_wan: 500 }],
  ['累计融资3000万', { funding_raised_wan: 3000 }],
  ['我持股60%', { founder_equity_pct: 60 }],
  ['研发投入300万', { rd_expense_wan: 300 }],
  ['总资产5000万', { total_assets_wan: 5000 }],
  ['高新技术产品收入占比70%', { high_tech_income_ratio: 70 }],
  ['做人工智能的', { industry: 'ai' }],
  ['我们是做芯片的', { industry: 'integrated_circuit' }],
  ['我是应届毕业生', { founder_fresh_graduate: true }],
  ['没有失信记录', { credit_blacklisted: false }],
  ['社保交了36个月', { founder_social_insurance_months: 36 }],
  ['成立3年了，营收2000万', { company_registered: true, company_age_months: 36, annual_revenue_wan: 2000 }],
  // A foreign bachelor's says the degree is from abroad, not that it is the highest.
  ['我本科是在英国读的', { founder_overseas_degree: true }],
  ['我们是一家高新技术企业', { is_high_tech_enterprise: true }],
  // Traditional Chinese, as WeChat users in Hong Kong and Taiwan type it.
  [
    '我們公司兩年前在上海註冊，現在12個人，營收500萬',
    {
      company_age_months: 24,
      company_registered: true,
      registered_in_shanghai: true,
      region: 'shanghai',
      employees: 12,
      annual_revenue_wan: 500,
    },
  ],
  ['研發費用佔營收百分之六', { rd_expense_ratio: 6 }],
  ['還沒註冊，團隊4個人，在浙江', { company_registered: false, team_core_members: 4, region: 'zj-county' }],
];

const NOTHING: string[] = [
  '我们打算明年在上海注册',
  '准备入驻孵化器',
  '我能申请高企吗？',
  '帮我测评高企',
  '高企需要什么条件',
  '如果营收到5000万呢',
  '你好',
  '需要准备哪些材料',
  '统一社会信用代码怎么填',
  '上海户口怎么落户',
  // Words about a certificate or a degree that claim neither.
  '我是做高企申报咨询的',
  '招了3个博士',
];

const UNSURE: [string, string, UnsureReason, FactValue | undefined][] = [
  ['研发占比0.045', 'rd_expense_ratio', 'decimal_percent', 4.5],
  ['员工50-60人', 'employees', 'range', undefined],
  ['营收3000到4000万', 'annual_revenue_wan', 'range', undefined],
  ['2023年在上海注册的', 'company_age_months', 'year_only', undefined],
  ['去年成立的', 'company_age_months', 'year_only', undefined],
  ['学校世界排名前50', 'founder_overseas_univ_rank', 'upper_bound', 50],
  ['员工80人，后来缩到60人', 'employees', 'conflict', undefined],
];

describe('facts a sentence states', () => {
  it(`covers at least 40 sentences (${STATED.length + NOTHING.length + UNSURE.length})`, () => {
    expect(STATED.length + NOTHING.length + UNSURE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(STATED)('%s', (text, expected) => {
    const { facts: found, unsure } = read(text);
    expect(found).toEqual(expected);
    expect(unsure).toEqual([]);
  });
});

describe('sentences that state no fact', () => {
  it.each(NOTHING)('%s', (text) => {
    expect(read(text)).toEqual({ facts: {}, unsure: [] });
  });
});

describe('values confirmed with the founder, never stored as a guess', () => {
  it.each(UNSURE)('%s → %s unsure (%s)', (text, fact, reason, value) => {
    const { facts: found, unsure } = read(text);
    expect(found[fact]).toBeUndefined();
    expect(unsure).toContainEqual(expect.objectContaining({ fact, reason, ...(value !== undefined ? { value } : {}) }));
  });
});
