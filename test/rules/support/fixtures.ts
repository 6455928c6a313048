/** Small hand-made catalogues for the engine's unit tests, independent of the shipped content. */
import type { Catalogue, Criterion, FactDefinition, Policy, PolicyVersion } from '../../../rules/catalogue';

export function boolFact(fact: string, label: string, extra: Partial<FactDefinition> = {}): FactDefinition {
  return { fact, type: 'boolean', label, question: `${label}？`, why: '测试', ...extra };
}

export function numFact(
  fact: string,
  label: string,
  type: 'integer' | 'number' | 'percent',
  extra: Partial<FactDefinition> = {},
): FactDefinition {
  return {
    fact,
    type,
    label,
    question: `${label}是多少？`,
    why: '测试',
    min: 0,
    ...(type === 'percent' ? { max: 100 } : {}),
    ...extra,
  };
}

export function enumFact(
  fact: string,
  label: string,
  options: [string, string][],
  extra: Partial<FactDefinition> = {},
): FactDefinition {
  return {
    fact,
    type: 'enum',
    label,
    question: `${label}？`,
    why: '测试',
    options: options.map(([value, optionLabel]) => ({ value, label: optionLabel })),
    ...extra,
  };
}

/** Only a registered company holds a certificate (as content/questions.yaml declares it). */
const CERTIFICATE: Partial<FactDefinition> = { implies: [{ when: true, then: { company_registered: true } }] };

export const FACTS: Record<string, FactDefinition> = Object.fromEntries(
  [
    enumFact(
      'region',
      '所在地区',
      [
        ['shanghai', '上海'],
        ['zj-county', '浙江县级市'],
      ],
      { default: 'shanghai' },
    ),
    boolFact('registered_in_shanghai', '在上海注册', { implies: [{ when: true, then: { region: 'shanghai' } }] }),
    enumFact(
      'district',
      '所在区',
      [
        ['pudong', '浦东新区'],
        ['minhang', '闵行区'],
        ['jiading', '嘉定区'],
      ],
      { implies: [{ then: { region: 'shanghai', registered_in_shanghai: true } }] },
    ),
    boolFact('company_registered', '已注册公司', {
      implies: [
        { when: false, then: { is_tech_sme: false, is_high_tech_enterprise: false, is_specialized_sme: false } },
      ],
    }),
    numFact('employees', '职工人数', 'integer', { unit: '人' }),
    numFact('company_age_months', '成立时长', 'integer', { unit: '个月' }),
    numFact('annual_revenue_wan', '年销售收入', 'number', { unit: '万元' }),
    numFact('rd_expense_ratio', '研发费用占比', 'percent'),
    numFact('rd_cost_ratio', '研发费用占成本费用比例', 'percent'),
    numFact('tech_staff_ratio', '科技人员占比', 'percent'),
    numFact('class1_ip_count', 'Ⅰ类知识产权数', 'integer', { unit: '件' }),
    numFact('class2_ip_count', 'Ⅱ类知识产权数', 'integer', { unit: '件' }),
    boolFact('credit_blacklisted', '列入严重失信名单'),
    boolFact('is_tech_sme', '已入库科技型中小企业', CERTIFICATE),
    boolFact('is_high_tech_enterprise', '持有效高企证书', CERTIFICATE),
    boolFact('is_specialized_sme', '已认定专精特新', CERTIFICATE),
    boolFact('founder_hukou_shanghai', '已有上海户籍'),
    boolFact('founder_overseas_degree', '海外学位'),
    boolFact('in_incubator', '入驻备案孵化载体'),
    numFact('team_core_members', '核心团队人数', 'integer', { unit: '人' }),
    enumFact('industry', '所属行业', [
      ['ai', '人工智能'],
      ['biomedicine', '生物医药'],
    ]),
    enumFact('stage', '发展阶段', [
      ['idea', '创意'],
      ['seed', '种子'],
      ['growth', '成长'],
    ]),
  ].map((f) => [f.fact, f]),
);

export function version(criteria: Criterion, extra: Partial<PolicyVersion> = {}): PolicyVersion {
  return {
    valid_from: '2020-01-01',
    criteria,
    caveats: [],
    sources: [{ title: '测试办法', number: '测〔2020〕1号' }],
    confidence: 'B',
    ...extra,
  };
}

export function policy(id: string, criteria: Criterion | PolicyVersion[], extra: Partial<Policy> = {}): Policy {
  return {
    id,
    title: `政策${id}`,
    aliases: [],
    keywords: [],
    topics: ['资金'],
    region: 'national',
    districts: [],
    authority: '测试部门',
    summary: '测试',
    benefit: { kind: 'cash', cap_yuan: 100_000, description: '最高 10 万元', confidence: 'B' },
    versions: Array.isArray(criteria) ? criteria : [version(criteria)],
    caveats: [],
    windows: [],
    how_to_apply: { steps: [], materials: [] },
    sources: [{ title: '测试办法', number: '测〔2020〕1号' }],
    verified_at: '2026-11-23',
    confidence: 'B',
    ...extra,
  };
}

export function catalogue(policies: Policy[], facts: Record<string, FactDefinition> = FACTS): Catalogue {
  return { facts, policies, incubators: [], regions: [] };
}

/** The 科技型中小企业 score table as docs/domain.md states it. */
export const TECH_SME_SCORE = {
  label: '科技型中小企业综合评分',
  max: 100,
  components: [
    {
      label: '科技人员占比',
      fact: 'tech_staff_ratio',
      bands: [
        { min: 10, points: 4 },
        { min: 15, points: 8 },
        { min: 20, points: 12 },
        { min: 25, points: 16 },
        { min: 30, points: 20 },
      ],
    },
    {
      label: '研发投入',
      best_of: [
        {
          label: '研发费用占销售收入比例',
          fact: 'rd_expense_ratio',
          bands: [
            { min: 2, points: 10 },
            { min: 3, points: 20 },
            { min: 4, points: 30 },
            { min: 5, points: 40 },
            { min: 6, points: 50 },
          ],
        },
        {
          label: '研发费用占成本费用比例',
          fact: 'rd_cost_ratio',
          bands: [
            { min: 10, points: 10 },
            { min: 15, points: 20 },
            { min: 20, points: 30 },
            { min: 25, points: 40 },
            { min: 30, points: 50 },
          ],
        },
      ],
    },
    {
      label: '科技成果',
      best_of: [
        { label: 'Ⅰ类知识产权', fact: 'class1_ip_count', bands: [{ min: 1, points: 30 }] },
        {
          label: 'Ⅱ类知识产权',
          fact: 'class2_ip_count',
          bands: [
            { min: 1, points: 6 },
            { min: 2, points: 12 },
            { min: 3, points: 18 },
            { min: 4, points: 24 },
          ],
        },
      ],
    },
  ],
};

export function techSme(): Policy {
  return policy(
    'cn.tech-sme',
    [
      version(
        {
          all: [
            { fact: 'company_registered', op: '=', value: true },
            { fact: 'employees', op: '<=', value: 500 },
            { fact: 'tech_staff_ratio', op: '>=', value: 10 },
            { fact: 'credit_blacklisted', op: '=', value: false },
            {
              any: [
                { score: 'tech_sme_score', op: '>=', value: 60 },
                { fact: 'is_high_tech_enterprise', op: '=', value: true },
              ],
            },
          ],
        },
        { scores: { tech_sme_score: TECH_SME_SCORE } },
      ),
    ],
    {
      title: '科技型中小企业评价入库',
      benefit: { kind: 'recognition', cap_yuan: 'unknown', description: '入库', confidence: 'B' },
    },
  );
}

/** 高企's R&D requirement by revenue band. */
export function highTech(): Policy {
  return policy(
    'cn.high-tech-enterprise',
    {
      all: [
        { fact: 'company_registered', op: '=', value: true },
        {
          any: [
            {
              all: [
                { fact: 'annual_revenue_wan', op: '<=', value: 5000 },
                { fact: 'rd_expense_ratio', op: '>=', value: 5 },
              ],
            },
            {
              all: [
                { fact: 'annual_revenue_wan', op: '>', value: 5000 },
                { fact: 'annual_revenue_wan', op: '<=', value: 20000 },
                { fact: 'rd_expense_ratio', op: '>=', value: 4 },
              ],
            },
            {
              all: [
                { fact: 'annual_revenue_wan', op: '>', value: 20000 },
                { fact: 'rd_expense_ratio', op: '>=', value: 3 },
              ],
            },
          ],
        },
      ],
    },
    {
      title: '高新技术企业认定',
      benefit: { kind: 'tax', cap_yuan: 'unknown', description: '所得税 15%', confidence: 'A' },
    },
  );
}
