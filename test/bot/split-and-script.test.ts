import { readScript, writeScript } from '../../bot/chinese-script';
import { MESSAGE_LIMIT, splitReplies } from '../../bot/split-replies';

describe('splitting long replies', () => {
  it('leaves short replies alone', () => {
    expect(splitReplies(['你好', '再见'])).toEqual(['你好', '再见']);
  });

  it('cuts a long reply at line breaks into messages under the limit, losing nothing', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `第 ${i + 1} 行：高新技术企业认定，研发费用占比要求。`);
    const messages = splitReplies([lines.join('\n')]);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(messages.join('\n')).toBe(lines.join('\n'));
  });

  it('cuts a single very long line at sentence ends', () => {
    const line = '这是一句很长的话，'.repeat(120);
    const messages = splitReplies([line]);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(messages.join('')).toBe(line);
  });
});

describe('Chinese scripts', () => {
  it('reads traditional input as simplified and remembers it was Taiwan style', () => {
    expect(readScript('開始測評')).toEqual({ simplified: '开始测评', script: 'tw' });
    expect(readScript('創新券怎麼申請').simplified).toBe('创新券怎么申请');
  });

  it('says simplified text is simplified and digits have no script', () => {
    expect(readScript('开始测评')).toEqual({ simplified: '开始测评', script: 'cn' });
    expect(readScript('3000').script).toBeNull();
  });

  it('writes replies back in traditional', () => {
    expect(writeScript('研发费用占比', 'tw')).toBe('研發費用佔比');
    expect(writeScript('研发费用占比', 'cn')).toBe('研发费用占比');
  });
});

describe('splitting keeps entries whole', () => {
  it('never separates a numbered line from its indented details', () => {
    const entry = (n: number) =>
      [
        `${n}. 政策名称第 ${n} 项`,
        '   优惠：' + '很多优惠'.repeat(12),
        '   来源：某某办法；信息核实于 2026-11-23',
      ].join('\n');
    const reply = ['【可以申请】', ...Array.from({ length: 8 }, (_, i) => entry(i + 1))].join('\n');
    const messages = splitReplies([reply]);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(message.split('\n')[0]).not.toMatch(/^\s/);
    }
    expect(messages.join('\n')).toBe(reply);
  });
});
