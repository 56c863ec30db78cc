import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBytes } from './xlsx.ts';

// The dashboard's export is written in the browser; Excel's reader here (exceljs) must read it back.
describe('xlsxBytes', () => {
  it('writes sheets that a spreadsheet reader opens with their texts, numbers and percents', async () => {
    const bytes = xlsxBytes([
      {
        name: '议事协商指标',
        header: ['指标', '数值'],
        rows: [
          ['议事协商会议（次）', 12],
          ['办结率', { percent: 0.968 }],
          ['满意率', null],
          ['<&"> 符号', 1.5],
        ],
      },
      { name: '按月/统计:[x]', header: ['月份', '会议'], rows: [['2026-11', 3]] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['议事协商指标', '按月 统计  x ']);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('指标');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('B2').value).toBe(12);
    expect(sheet.getCell('B3').value).toBe(0.968);
    expect(sheet.getCell('B3').numFmt).toBe('0.0%');
    expect(sheet.getCell('A4').value).toBe('满意率');
    expect(sheet.getCell('B4').value).toBeNull();
    expect(sheet.getCell('A5').value).toBe('<&"> 符号');
    expect(sheet.getCell('B5').value).toBe(1.5);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.worksheets[1]?.getCell('B2').value).toBe(3);
  });
});
