import { parseNumeral } from '../../../bot/parse/chinese-number';
import { parseCount, parseMoneyWan, parseMonths, parsePercent } from '../../../bot/parse/quantities';

describe('Chinese numerals', () => {
  it.each([
    ['12', 12],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['一百零五', 105],
    ['两百五', 250],
    ['一千五', 1500],
    ['三万五', 35000],
    ['一千五百万', 15_000_000],
    ['3千万', 30_000_000],
    ['1.5亿', 150_000_000],
    ['一亿五千万', 150_000_000],
    ['十万', 100_000],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });

  it.each(['三四', '万', '千'])('refuses %s, which is not one number', (text) => {
    expect(parseNumeral(text)).toBeNull();
  });
});

describe('money in 万元', () => {
  it.each([
    ['1.5亿', 15000],
    ['3000万', 3000],
    ['3000万元', 3000],
    // A company with no revenue yet types its zero with the unit the question gives.
    ['0万元', 0],
    ['三千万', 3000],
    ['1.5个亿', 15000],
    ['1亿2000万', 12000],
    ['50000元', 5],
    ['3000', 3000],
    ['大约 2,500 万左右', 2500],
    ['１２００万', 1200],
    ['没有', 0],
    ['没有融资', 0],
    ['还没有融资呢', 0],
  ])('reads %s as %d 万元', (text, value) => {
    expect(parseMoneyWan(text)).toBe(value);
  });

  it.each([
    '不到1000万',
    '3000万以上',
    '至少500万',
    '1000到2000万',
    '很多',
    '-5',
    '',
    '大概50人',
    '30%',
    '12个月',
    '3件',
    '没有达到',
    '无数',
    '没多少',
  ])('refuses %s', (text) => {
    expect(parseMoneyWan(text)).toBeNull();
  });
});

describe('durations in months', () => {
  it.each([
    ['两年半', 30],
    ['2年3个月', 27],
    ['一年零三个月', 15],
    ['半年', 6],
    ['一年半', 18],
    ['18个月', 18],
    ['2.5年', 30],
    ['30', 30],
    ['三年多', 36],
    ['一个半月', 2],
  ])('reads %s as %d months', (text, value) => {
    expect(parseMonths(text)).toBe(value);
  });

  // "没满一年" is less than a year, not zero months.
  it.each(['很久', '两三年', '没满一年', '没有一年', '不到一年', '一年以上', '50人', '3000万'])(
    'refuses %s',
    (text) => {
      expect(parseMonths(text)).toBeNull();
    },
  );
});

describe('percentages 0–100', () => {
  it.each([
    ['百分之十二', 12],
    ['12%', 12],
    ['12.5％', 12.5],
    ['百分之12.5', 12.5],
    ['千分之五', 0.5],
    ['三成', 30],
    ['一半', 50],
    ['45', 45],
  ])('reads %s as %d', (text, value) => {
    expect(parsePercent(text)).toBe(value);
  });

  it('refuses a range', () => {
    expect(parsePercent('10%到20%')).toBeNull();
  });

  it.each(['低于5%', '不到三成', '超过一半', '60%以上'])('refuses %s, a bound', (text) => {
    expect(parsePercent(text)).toBeNull();
  });

  it.each(['五十来个', '50多人', '3000万', '五千块', '两年'])('refuses %s, another kind of quantity', (text) => {
    expect(parsePercent(text)).toBeNull();
  });
});

describe('counts', () => {
  it.each([
    ['40人', 40],
    ['四十个', 40],
    ['两项', 2],
    ['第35名', 35],
    ['没有', 0],
    ['暂无专利', 0],
    ['无研发人员', 0],
  ])('reads %s as %d', (text, value) => {
    expect(parseCount(text)).toBe(value);
  });

  // A bound stored as its number would pass the threshold it is below.
  it.each(['不到10人', '超过100人', '少于50人', '100人以内'])('refuses %s, a bound and not a count', (text) => {
    expect(parseCount(text)).toBeNull();
  });

  it.each(['2.5', '三四十人'])('refuses %s, which is not a whole number', (text) => {
    expect(parseCount(text)).toBeNull();
  });

  it.each(['30%', '三成', '500万', '2000元', '18个月', '三年'])('refuses %s, another kind of quantity', (text) => {
    expect(parseCount(text)).toBeNull();
  });

  it.each([
    ['40多人', 40],
    ['五十来个', 50],
    ['3件', 3],
  ])('still reads %s as %d', (text, value) => {
    expect(parseCount(text)).toBe(value);
  });
});
