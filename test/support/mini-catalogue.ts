/** A tiny hand-written catalogue for service tests that must not depend on the shipped content. */
import type { Catalogue, Policy } from '../../rules/catalogue';

export function miniPolicy(id: string, overrides: Partial<Policy> = {}): Policy {
  return {
    id,
    title: `政策 ${id}`,
    aliases: [],
    keywords: [],
    topics: ['资金'],
    region: 'shanghai',
    districts: [],
    authority: '上海市科委',
    summary: '测试用政策',
    benefit: { kind: 'cash', cap_yuan: 100000, description: '最高 10 万元', confidence: 'B' },
    versions: [
      {
        valid_from: '2025-01-01',
        criteria: { fact: 'registered_in_shanghai', op: '=', value: true },
        caveats: [],
        sources: [{ title: '测试办法', number: '沪测〔2025〕1号' }],
        confidence: 'B',
      },
    ],
    caveats: [],
    windows: [
      {
        id: `${id}-yearly`,
        kind: 'yearly',
        opens: '06-01',
        closes: '08-31',
        from_year: 2026,
        to_year: 2027,
        confidence: 'B',
      },
      { id: `${id}-rolling`, kind: 'rolling', confidence: 'B' },
    ],
    how_to_apply: { steps: ['在线申报'], materials: ['营业执照'], url: 'https://example.gov.cn' },
    sources: [{ title: '测试办法', number: '沪测〔2025〕1号' }],
    verified_at: '2026-11-23',
    confidence: 'B',
    ...overrides,
  };
}

export function miniCatalogue(policies: Policy[] = [miniPolicy('sh.a'), miniPolicy('sh.b')]): Catalogue {
  return {
    facts: {
      registered_in_shanghai: {
        fact: 'registered_in_shanghai',
        type: 'boolean',
        label: '在上海注册',
        question: '公司是否在上海注册？',
        why: '多数上海政策要求在沪注册',
      },
    },
    policies,
    incubators: [
      {
        id: 'inc.a',
        name: '测试孵化器',
        region: 'shanghai',
        district: 'pudong',
        level: '市级',
        industries: ['ai'],
        stages: ['seed'],
        services: ['种子基金'],
        address: '浦东新区',
        sources: [{ title: '测试名单' }],
        verified_at: '2026-11-23',
        confidence: 'B',
      },
    ],
    regions: [],
  };
}
