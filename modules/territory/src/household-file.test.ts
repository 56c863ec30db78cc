import { describe, expect, it } from 'vitest';
import { parseDate, readHouseholdFile, validateHouseholdRows } from './household-file.ts';
import { validIdNumber } from './testing.ts';

const row = (cells: Record<string, string>, n = 2) => ({
  row: n,
  cells: { compound: '阳光花园', building: '1号楼', entrance: '1单元', household: '101', name: '张三', ...cells },
});

describe('validateHouseholdRows', () => {
  it('accepts a complete row and maps Chinese values to identifiers', () => {
    const id = validIdNumber('37078519800101123');
    const { rows, errors } = validateHouseholdRows([
      row({
        gender: '男',
        birthDate: '1980年1月1日',
        relation: '本人',
        phone: '+86 138-1234-5678',
        idNumber: id,
        tags: '高龄，独居',
        isPartyMember: '是',
      }),
    ]);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      gender: 'male',
      birthDate: '1980-01-01',
      relation: 'head',
      phone: '13812345678',
      idNumber: id,
      tags: ['elderly', 'living_alone'],
      isPartyMember: true,
    });
  });

  it('checks the GB 11643 check digit and that gender and birth date agree with the ID number', () => {
    const id = validIdNumber('37078519800101123');
    const wrongDigit = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    const { errors } = validateHouseholdRows([
      row({ idNumber: wrongDigit }, 2),
      row({ idNumber: id, gender: '女', birthDate: '1981-01-01', name: '李四' }, 3),
    ]);
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:身份证号', '3:性别', '3:出生日期']);
  });

  it('rejects impossible and future dates and unknown enum values', () => {
    const { errors } = validateHouseholdRows([
      row({ birthDate: '2023-02-29', gender: 'X', relation: '邻居', isPartyMember: '可能' }),
      row({ birthDate: '2999-01-01', name: '李四' }, 3),
    ]);
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:性别', '2:出生日期', '2:与户主关系', '2:是否党员', '3:出生日期']);
  });

  it('finds duplicates inside the file: the same ID number twice, the same person twice in one household', () => {
    const id = validIdNumber('37078519800101123');
    const { errors } = validateHouseholdRows([
      row({ idNumber: id }, 2),
      row({ idNumber: id, household: '102' }, 3),
      row({ household: '103' }, 4),
      row({ household: '103' }, 5),
    ]);
    expect(errors.map((e) => `${e.row}:${e.column}:${e.reason}`)).toEqual([
      '3:身份证号:the same ID number is already in row 2',
      '5:姓名:the same person in the same household is already in row 4',
    ]);
  });

  it('flags an ID number that lost digits in a numeric Excel cell', () => {
    const { errors } = validateHouseholdRows([row({ idNumber: '#NUMBER:370785198001011200' })]);
    expect(errors[0]?.reason).toContain('format the column as text');
  });
});

describe('readHouseholdFile', () => {
  it('maps header aliases, ignores unknown columns and blank lines, and keeps spreadsheet row numbers', async () => {
    const text = '小区*,楼号,单元号,户号,姓名,备注\n\n阳光花园,1号楼,1单元,101,张三,x\n';
    const { rows, errors } = await readHouseholdFile('a.csv', Buffer.from(`\ufeff${text}`));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 3, cells: { compound: '阳光花园', building: '1号楼', entrance: '1单元', household: '101', name: '张三' } },
    ]);
  });

  it('reports a missing required column and an empty file', async () => {
    expect((await readHouseholdFile('a.csv', Buffer.from('小区,楼栋,单元,房号\n'))).errors).toEqual([
      { row: 1, column: '姓名', reason: 'required column is missing' },
    ]);
    expect((await readHouseholdFile('a.csv', Buffer.from(''))).errors[0]?.reason).toBe('the file is empty');
  });
});

describe('parseDate', () => {
  it('reads the usual spellings and refuses impossible days', () => {
    expect(['1990-5-6', '1990/05/06', '1990.5.6', '19900506', '1990年5月6日'].map(parseDate)).toEqual(Array(5).fill('1990-05-06'));
    expect(parseDate('32999')).toBe('1990-05-06');
    expect(parseDate('1990-02-30')).toBeUndefined();
    expect(parseDate('06/05/1990')).toBeUndefined();
  });
});
