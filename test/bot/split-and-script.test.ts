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
