import { parseAnswer, parseBoolean, parseEnum } from '../../../bot/parse/answer';
import type { EnumOption } from '../../../rules/catalogue';

const districts: EnumOption[] = [
  { value: 'huangpu', label: '黄浦区' },
  { value: 'pudong', label: '浦东新区', aliases: ['浦东'] },
  { value: 'minhang', label: '闵行区', aliases: ['闵行'] },
];
const education: EnumOption[] = [
  { value: 'below_bachelor', label: '本科以下' },
  { value: 'bachelor', label: '本科', aliases: ['学士'] },
  { value: 'master', label: '硕士', aliases: ['研究生'] },
  { value: 'phd', label: '博士' },
];

describe('yes and no', () => {
  it.each(['是', '是的', '对', '对的！', '有', '已注册', '嗯', 'Yes', '没错', '确定', '注册了', '入库了吧', '拿到过'])(
    'reads %s as yes',
    (text) => {
      expect(parseBoolean(text)).toBe(true);
    },
  );
  it.each([
    '否',
    '不是',
    '没有',
    '没',
    '无',
    '还没注册',
    '不在',
    'no',
    '未',
    '不',
    '不算',
    '不属于',
    '无重大事故',
    '还没注册过',
    '还没注册，就我们三个人',
    '不是，我们只有5个人',
  ])('reads %s as no', (text) => {
    expect(parseBoolean(text)).toBe(false);
  });
  it.each([
    '你好',
    '',
    '123',
    '嗯……这个嘛，让我想想',
    '可能有吧',
    '不回答了',
    '不想说这个',
    '不方便透露',
    '保密',
    '不到10人',
    '不少',
    '不止三个',
    '无所谓',
    '我们有40人',
    '有四十个人',
    '是2019年',
    '算了',
    '忘记了',
    '可能注册了',
    '可能有吧，不确定',
    '我们有40人，都是全职',
  ])('does not guess for %s', (text) => {
    expect(parseBoolean(text)).toBeNull();
  });
});

describe('enum options', () => {
  it('takes the option number', () => {
    expect(parseEnum(districts, '2')).toBe('pudong');
    expect(parseEnum(districts, '第三个')).toBe('minhang');
  });
  it('takes a label, an alias or the value', () => {
    expect(parseEnum(districts, '浦东新区')).toBe('pudong');
    expect(parseEnum(districts, '闵行')).toBe('minhang');
    expect(parseEnum(districts, 'PUDONG')).toBe('pudong');
  });
  it('finds the option inside a longer reply', () => {
    expect(parseEnum(districts, '我们在浦东张江')).toBe('pudong');
  });
  it('prefers the longest match (本科以下 over 本科)', () => {
    expect(parseEnum(education, '本科以下')).toBe('below_bachelor');
    expect(parseEnum(education, '研究生')).toBe('master');
  });
  it('refuses a number out of range and unrelated words', () => {
    expect(parseEnum(districts, '9')).toBeNull();
    expect(parseEnum(districts, '北京')).toBeNull();
  });
});

describe('answers by fact shape', () => {
  it('converts money to 万元 for _wan facts', () => {
    expect(parseAnswer({ fact: 'annual_revenue_wan', type: 'number' }, '1.5亿')).toBe(15000);
  });
  it('converts durations to months for _months facts', () => {
    expect(parseAnswer({ fact: 'company_age_months', type: 'integer' }, '两年半')).toBe(30);
  });
  it('reads percentages for percent facts', () => {
    expect(parseAnswer({ fact: 'rd_expense_ratio', type: 'percent' }, '百分之十二')).toBe(12);
  });
  it('refuses a fraction for an integer fact', () => {
    expect(parseAnswer({ fact: 'employees', type: 'integer' }, '2.5')).toBeNull();
  });
});
