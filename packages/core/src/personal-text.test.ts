import { describe, expect, it } from 'vitest';
import { maskName, maskPersonalText, publicText } from './personal-text.ts';

/** Every digit run of `text` of 7 or more digits (after removing separators inside phone-like groups). */
const longRuns = (text: string) => text.match(/\d{7,}/g) ?? [];

describe('maskPersonalText', () => {
  it('masks mobile numbers in every common spelling', () => {
    for (const [text, expected] of [
      ['我的电话13912340004', '我的电话139****0004'],
      ['电话：139 1234 0004。', '电话：139****0004。'],
      ['电话139-1234-0004', '电话139****0004'],
      ['+8613912340004', '139****0004'],
      ['+86 139 1234 0004', '139****0004'],
      ['008613912340004', '139****0004'],
      ['8613912340004找我', '139****0004找我'],
      ['手机１３９１２３４０００４', '手机139****0004'],
    ] as const) {
      expect(maskPersonalText(text), text).toBe(expected);
    }
  });

  it('masks landlines with an area code, with or without +86 and extension', () => {
    expect(maskPersonalText('座机0536-2345678')).toBe('座机0536-****678');
    expect(maskPersonalText('座机05362345678')).toBe('座机0536****678');
    expect(maskPersonalText('(0536)2345678')).toBe('(0536)****678');
    expect(maskPersonalText('（0536）2345678')).toBe('（0536）****678');
    expect(maskPersonalText('010-87654321转123')).toBe('010-*****321转***');
    expect(maskPersonalText('+86 536 2345678')).toBe('+86 536 ****678');
    expect(maskPersonalText('+86-10-87654321')).not.toContain('87654321');
  });

  it('masks identity numbers of 18 characters (with X) and 15 digits, also in groups', () => {
    expect(maskPersonalText('身份证370785200002298763')).toBe('身份证370*************63');
    expect(maskPersonalText('身份证号37078519900101123X')).toBe('身份证号370*************3X');
    expect(maskPersonalText('身份证号37078519900101123x。')).toBe('身份证号370*************3x。');
    expect(maskPersonalText('老证370785900101123')).toBe('老证370**********23');
    expect(maskPersonalText('370785 19900101 123X')).toBe('370*************3X');
    expect(maskPersonalText('身份证３７０７８５２００００２２９８７６３')).toBe('身份证370*************63');
  });

  it('masks any other long digit run but keeps request numbers, dates and short numbers', () => {
    expect(maskPersonalText('银行卡6222021234567890123')).toBe('银行卡62*****************');
    expect(maskPersonalText('小号8123456')).toBe('小号81*****');
    expect(maskPersonalText('同诉求 2026-000123 重复')).toBe('同诉求 2026-000123 重复');
    expect(maskPersonalText('同诉求 2026-1000123 重复')).toBe('同诉求 2026-1000123 重复');
    expect(maskPersonalText('2026-11-20 晚上 7 点，路灯 12 盏不亮')).toBe('2026-11-20 晚上 7 点，路灯 12 盏不亮');
  });

  it('masks doors but keeps the building', () => {
    expect(maskPersonalText('3号楼2单元501漏水')).toBe('3号楼*单元***漏水');
    expect(maskPersonalText('3号楼2单元501室漏水')).toBe('3号楼*单元***室漏水');
    expect(maskPersonalText('12栋1单元302')).toBe('12栋*单元***');
    expect(maskPersonalText('楼上501室噪音')).toBe('楼上***室噪音');
    expect(maskPersonalText('2单元301的住户')).toBe('*单元***的住户');
    expect(maskPersonalText('3-1-502门口堆物')).toBe('*-*-***门口堆物');
    expect(maskPersonalText('3-1-502室漏水')).toBe('*-*-***室漏水');
    expect(maskPersonalText('3号楼门口堆物')).toBe('3号楼门口堆物');
  });

  it('masks names after a label, not ordinary words', () => {
    expect(maskPersonalText('联系人：王小明，电话13912340004')).toBe('联系人：王**，电话139****0004');
    expect(maskPersonalText('姓名张三')).toBe('姓名张*');
    expect(maskPersonalText('户主是李四')).toBe('户主是李*');
    expect(maskPersonalText('联系王小明')).toBe('联系王**');
    expect(maskPersonalText('我叫赵六，住在这里')).toBe('我叫赵*，住在这里');
    expect(maskPersonalText('联系电话：13912340004')).toBe('联系电话：139****0004');
    expect(maskPersonalText('请联系社区处理')).toBe('请联系社区处理');
    expect(maskPersonalText('业主委员会同意')).toBe('业主委员会同意');
    expect(maskPersonalText('已联系楼上住户')).toBe('已联系楼上住户');
    expect(maskPersonalText('业主李建国反映')).toBe('业主李**反映');
    expect(maskPersonalText('联系人：楼上住户')).toBe('联系人：楼**户');
  });

  it('masks the names it is given wherever they occur', () => {
    expect(maskPersonalText('王小明家门口的路灯，王小明反映多次', ['王小明'])).toBe('王**家门口的路灯，王**反映多次');
    expect(maskPersonalText('路灯不亮', ['王', null, undefined, ''])).toBe('路灯不亮');
  });

  it('masks e-mail addresses', () => {
    expect(maskPersonalText('邮箱 zhang.san@example.com')).toBe('邮箱 z***@example.com');
  });

  it('leaves no run of seven digits of a planted number in a long mixed text', () => {
    const planted = ['13912340004', '370785200002298763', '05362345678', '6222021234567890'];
    const text = `反映人张三，电话${planted[0]}，身份证${planted[1]}，家里座机${planted[2]}，卡号${planted[3]}，住5号楼3单元602室。`;
    const masked = maskPersonalText(text);
    for (const p of planted) expect(masked).not.toContain(p);
    expect(longRuns(masked)).toEqual([]);
    expect(masked).toContain('5号楼');
  });
});

describe('maskName and publicText', () => {
  it('masks a name to its first character', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('王五')).toBe('王*');
    expect(maskName(null)).toBeNull();
  });

  it('cuts a masked text to its maximum length', () => {
    const long = `电话13912340004${'很长'.repeat(3000)}`;
    const out = publicText(long, 4000);
    expect([...out]).toHaveLength(4000);
    expect(out.startsWith('电话139****0004')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(publicText('短', 4000)).toBe('短');
  });
});
