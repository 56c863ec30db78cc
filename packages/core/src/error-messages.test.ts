import { describe, expect, it } from 'vitest';
import { localiseError, prefersChinese, toChinese } from './error-messages.ts';

describe('error messages in Chinese', () => {
  it('translates the messages and reasons commands and schema validation produce', () => {
    expect(toChinese('The input is not valid')).toBe('输入有误');
    expect(toChinese('Demand 0190a1b2-0000-7000-8000-000000000001 not found')).toBe(
      '诉求（0190a1b2-0000-7000-8000-000000000001）不存在或无权查看',
    );
    expect(toChinese('Permission demand.intake is required for this place')).toBe('需要 demand.intake 权限（此地点）');
    expect(toChinese('a demand at a county department cannot be escalated further')).toBe('已在县级部门办理，不能再提级');
    expect(toChinese('is longer than 200 characters')).toBe('超过 200 个字符');
    expect(toChinese("must have required property 'description'")).toBe('缺少必填字段 description');
    expect(toChinese('must match format "uuid"')).toBe('不是有效的编号');
    expect(toChinese('must be <= 100')).toBe('须不大于 100');
    expect(toChinese('Too many requests; retry in 30 s')).toBe('请求过于频繁，请 30 秒后重试');
  });

  it('says in Chinese why a workbook was not read', () => {
    expect(toChinese('not an .xlsx file')).toBe('不是 .xlsx 文件，请上传 Excel 工作簿（.xlsx）或 CSV 文件');
    expect(toChinese('the archive has 2001 entries (at most 2000)')).toBe('工作簿内含 2001 个文件（最多 2000 个），未读取');
    expect(toChinese('damaged central directory')).toBe('工作簿已损坏，未读取');
    expect(toChinese('truncated entry')).toBe('工作簿不完整（文件被截断），未读取');
    expect(toChinese('unsupported compression method 12')).toBe('工作簿使用了不支持的压缩方式（12），未读取');
  });

  it('leaves a message no rule knows in English rather than hiding it', () => {
    expect(toChinese('the flux capacitor is out of range')).toBeUndefined();
    const body = localiseError({ code: 'invalid_input', message: 'odd message', details: [{ field: 'x', reason: 'odd reason' }] });
    expect(body).toEqual({ code: 'invalid_input', message: 'odd message', details: [{ field: 'x', reason: 'odd reason' }] });
  });

  it('keeps the English beside each translation, and details that are not field lists as they are', () => {
    const body = localiseError({
      code: 'invalid_input',
      message: 'The input is not valid',
      details: [{ field: 'nodeId', reason: 'is not a place in this county', value: 'x' }],
    });
    expect(body).toEqual({
      code: 'invalid_input',
      message: '输入有误',
      messageEn: 'The input is not valid',
      details: [{ field: 'nodeId', reason: '不是本县的地点', reasonEn: 'is not a place in this county', value: 'x' }],
    });
    expect(localiseError({ code: 'conflict', message: 'x', details: { status: 'resolved', version: 3 } }).details).toEqual({
      status: 'resolved',
      version: 3,
    });
  });

  it('reads Accept-Language with its weights', () => {
    expect(prefersChinese('zh-CN,zh;q=0.9,en;q=0.8')).toBe(true);
    expect(prefersChinese('en-US,en;q=0.9,zh-CN;q=0.8')).toBe(false);
    expect(prefersChinese('en;q=0.5, zh-Hans')).toBe(true);
    expect(prefersChinese('zh;q=0, en')).toBe(false);
    expect(prefersChinese(undefined)).toBe(false);
    expect(prefersChinese('')).toBe(false);
  });
});
