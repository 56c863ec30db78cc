import { describe, expect, it } from 'vitest';
import { AppError, defineErrors, fillText, fromDatabaseError, platformErrors } from './app-error.ts';

const sampleErrors = defineErrors('sample', {
  taken: { status: 'conflict', 'en-US': 'The name {name} is taken in {where}', 'zh-CN': '{where}已有名为 {name} 的记录' },
});

describe('declared errors', () => {
  it('names each code after its module and keeps its class and texts', () => {
    expect(sampleErrors.taken).toEqual({
      code: 'sample.taken',
      status: 'conflict',
      'en-US': 'The name {name} is taken in {where}',
      'zh-CN': '{where}已有名为 {name} 的记录',
    });
  });

  it('throws with the class, the English message and the text of each language, nouns in that language', () => {
    const where = { 'zh-CN': '本社区', 'en-US': 'this community' };
    const error = AppError.of(sampleErrors.taken, { name: 'A1', where }, { field: 'name' });
    expect(error.code).toBe('conflict');
    expect(error.status).toBe(409);
    expect(error.message).toBe('The name A1 is taken in this community');
    expect(error.messageIn('zh-CN')).toBe('本社区已有名为 A1 的记录');
    expect(error.messageIn('en-US')).toBe(error.message);
    expect(error.details).toEqual({ field: 'name' });
    expect(error.declared?.code).toBe('sample.taken');
  });

  it('leaves a placeholder without a param as written', () => {
    expect(fillText('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('gives the platform errors both texts: not found with a noun, forbidden, database conflicts', () => {
    const notFound = AppError.notFound({ 'zh-CN': '网格', 'en-US': 'Grid' }, 'x1');
    expect([notFound.status, notFound.message, notFound.messageIn('zh-CN')]).toEqual([
      404,
      'Grid x1 not found',
      '网格（x1）不存在或无权查看',
    ]);
    expect(AppError.forbidden().messageIn('zh-CN')).toBe('您没有执行此操作的权限');
    expect(AppError.invalid([{ field: 'a', reason: 'is required' }]).declared).toBe(platformErrors.invalid_input);
    const duplicate = fromDatabaseError({ code: '23505', constraint: 'c' }) as AppError;
    expect([duplicate.code, duplicate.messageIn('zh-CN')]).toEqual(['conflict', '已存在相同的记录']);
    // An undeclared message is kept as written (the error handler's rules translate it where they can).
    expect(AppError.notFound('Thing', 'x').messageIn('zh-CN')).toBe('Thing x not found');
  });
});
