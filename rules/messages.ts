/**
 * Every Chinese sentence the rules engine produces, in one place, so wording
 * can be reviewed without reading the logic. Values arrive already formatted
 * (number + unit), so this module knows nothing of facts.
 */

/** Relation symbols as founders read them. */
export const relation = {
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
  '=': '=',
  '!=': '≠',
} as const;

export const messages = {
  yes: '是',
  no: '否',
  /** Separator between enum labels in a list. */
  listSeparator: '、',

  // Leaves. "研发费用占比 4.2% < 要求 5%": a minimum is a 要求, a maximum a 上限.
  compare: (label: string, value: string, symbol: string, word: string, threshold: string) =>
    `${label} ${value} ${symbol} ${word} ${threshold}`,
  requirementWord: '要求',
  /** "年销售收入 8000万元（要求 > 20000万元）". */
  againstRequirement: (label: string, value: string, symbol: string, threshold: string) =>
    `${label} ${value}（要求 ${symbol} ${threshold}）`,
  limitWord: '上限',
  /** "在上海注册：是" / "在上海注册：否（要求：是）". */
  stated: (label: string, value: string) => `${label}：${value}`,
  statedAgainst: (label: string, value: string, wanted: string) => `${label}：${value}（要求：${wanted}）`,
  notOneOf: (labels: string) => `不属于${labels}`,
  unanswered: (label: string, requirement: string) => `尚未回答：${label}（${requirement}）`,
  requirementAtLeast: (symbol: string, threshold: string) => `要求 ${symbol} ${threshold}`,
  labelled: (label: string, verdict: 'met' | 'not_met', value: string) =>
    `${label}：${verdict === 'met' ? '满足' : '不满足'}（${value}）`,

  // References to other policies and scores.
  policyMet: (title: string) => `符合「${title}」`,
  policyNotMet: (title: string) => `不符合「${title}」`,
  policyOpen: (title: string) => `尚待确定是否符合「${title}」`,
  policyNotInForce: (title: string) => `「${title}」在评估日没有有效版本`,
  policyCycle: (title: string) => `「${title}」的条件相互引用，无法判断`,
  points: (points: number) => `${points} 分`,
  pointsRange: (min: number, max: number) => `${min}–${max} 分`,
  scoreKnown: (label: string, points: number, symbol: string, threshold: number) =>
    `${label} ${points} 分 ${symbol} 要求 ${threshold} 分`,
  scoreRange: (label: string, min: number, max: number, symbol: string, threshold: number) =>
    `${label}目前在 ${min}–${max} 分之间（要求 ${symbol} ${threshold} 分），还需补充信息`,

  // Near misses.
  raiseTo: (label: string, needed: string) => `${label}提高到 ${needed} 即可`,
  lowerTo: (label: string, needed: string) => `${label}降低到 ${needed} 即可`,
  /** A duration (`changes: grows`): reached by time, not by effort. */
  reachIn: (label: string, needed: string, more: string) => `${label}满 ${needed} 即可（还差 ${more}）`,
  nearMissJoin: '，并且',

  // No version in force on the as-of date (the status not_in_force).
  notYetInForce: (asOf: string, from: string) => `该政策在 ${asOf} 尚未生效（收录的版本自 ${from} 起适用）`,
  noLongerInForce: (asOf: string, to: string) => `该政策在 ${asOf} 已失效（收录的最后版本适用至 ${to}）`,
  betweenVersions: (asOf: string, to: string, from: string) =>
    `该政策在 ${asOf} 没有有效版本（上一版本适用至 ${to}，下一版本自 ${from} 起适用）`,
  noVersion: (asOf: string) => `该政策在 ${asOf} 没有有效版本`,

  // Not needed.
  hasHukou: '已有上海户籍，无需办理',
  holdsCertificate: (title: string) => `已具备「${title}」资格，有效期内无需重复申请`,
  /** What to check for a policy version whose thresholds come from uncertain sources (confidence C). */
  uncertainRules: '本版规则的门槛来自未经核实的来源，申请前请以官方最新通知为准',
  /** The condition every Shanghai policy adds (compile-catalogue.ts). */
  inShanghai: '公司在上海注册；未注册的团队须准备在上海注册',

  // Validation reasons, shown to founders by the bot.
  notAnObject: '答案必须是一个以事实名为键的对象',
  unknownFact: '没有这个问题',
  nullValue: '不能为空；不知道的问题请不要填写',
  mustBeBoolean: '应为是或否',
  mustBeInteger: '应为整数',
  mustBeNumber: '应为数字',
  mustBePercent: '应为 0 到 100 之间的百分数',
  mustBeOption: (labels: string) => `应为以下选项之一：${labels}`,
  atLeast: (min: string) => `不能小于 ${min}`,
  atMost: (max: string) => `不能大于 ${max}`,
  invalidAnswers: (count: number) => `有 ${count} 个答案不符合要求`,

  // Incubator matching.
  sameDistrict: (district: string) => `同在${district}`,
  sameRegion: (region: string) => `位于${region}`,
  industryMatch: (industry: string) => `专注${industry}`,
  stageMatch: (stage: string) => `适合${stage}阶段`,
  levelBonus: (level: string) => `${level}载体`,
  regionNames: { shanghai: '上海', 'zj-county': '浙江县级市' } as Record<string, string>,
  /** Fallback labels when no fact definitions are at hand (docs/facts.md vocabulary). */
  districtNames: {
    huangpu: '黄浦区',
    xuhui: '徐汇区',
    changning: '长宁区',
    jingan: '静安区',
    putuo: '普陀区',
    hongkou: '虹口区',
    yangpu: '杨浦区',
    minhang: '闵行区',
    baoshan: '宝山区',
    jiading: '嘉定区',
    pudong: '浦东新区',
    jinshan: '金山区',
    songjiang: '松江区',
    qingpu: '青浦区',
    fengxian: '奉贤区',
    chongming: '崇明区',
  } as Record<string, string>,
  industryNames: {
    ai: '人工智能',
    integrated_circuit: '集成电路',
    biomedicine: '生物医药',
    advanced_manufacturing: '先进制造',
    new_energy: '新能源',
    new_materials: '新材料',
    digital_economy: '数字经济',
    green_low_carbon: '绿色低碳',
    smart_electrical: '智能电气',
    iot_sensing: '物联网传感',
    modern_services: '现代服务业',
    culture_tourism: '文旅',
    other: '其他',
  } as Record<string, string>,
  stageNames: { idea: '创意', seed: '种子', growth: '成长' } as Record<string, string>,
} as const;
