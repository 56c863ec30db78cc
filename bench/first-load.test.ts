import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesOf, type Manifest, measureFirstLoad, type Route } from './first-load.ts';

// A build in miniature: a staff entry importing a vendor chunk and lazily a chart page (with echarts),
// a resident entry importing antd-mobile, each file with the .br/.gz copies the build writes (or none).
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-1.js',
    isEntry: true,
    imports: ['_antd-1.js'],
    dynamicImports: ['src/chart-page.tsx'],
    css: ['assets/index-1.css'],
  },
  'm.html': { file: 'assets/m-1.js', isEntry: true, imports: ['_antd-mobile-1.js'], dynamicImports: ['src/home.tsx'] },
  '_antd-1.js': { file: 'assets/antd-1.js' },
  '_antd-mobile-1.js': { file: 'assets/antd-mobile-1.js', css: ['assets/antd-mobile-1.css'] },
  '_echarts-1.js': { file: 'assets/echarts-1.js' },
  'src/chart-page.tsx': { file: 'assets/chart-page-1.js', imports: ['_antd-1.js', '_echarts-1.js'] },
  'src/home.tsx': { file: 'assets/home-1.js', imports: ['_antd-mobile-1.js'], dynamicImports: ['src/chart-page.tsx'] },
};
const packages = {
  'assets/antd-1.js': ['@ant-design/cssinjs', 'antd'],
  'assets/antd-mobile-1.js': ['ahooks', 'antd-mobile'],
  'assets/echarts-1.js': ['echarts', 'zrender'],
};
// file → [raw, br, gz] sizes; null: no compressed copy (below the threshold).
const sizes: Record<string, [number, number | null, number | null]> = {
  'index.html': [600, null, null],
  'm.html': [500, null, null],
  'assets/index-1.js': [10_000, 3_000, 3_500],
  'assets/index-1.css': [800, null, null],
  'assets/m-1.js': [8_000, 2_000, 2_400],
  'assets/antd-1.js': [100_000, 25_000, 30_000],
  'assets/antd-mobile-1.js': [50_000, 12_000, 14_000],
  'assets/antd-mobile-1.css': [5_000, 1_000, 1_200],
  'assets/echarts-1.js': [200_000, 60_000, 70_000],
  'assets/chart-page-1.js': [4_000, 1_500, 1_700],
  'assets/home-1.js': [3_000, 900, 1_000],
};
let dist: string;

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-first-load-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.mkdirSync(path.join(dist, '.vite'));
  fs.writeFileSync(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dist, '.vite', 'chunk-packages.json'), JSON.stringify(packages));
  for (const [file, [raw, br, gz]] of Object.entries(sizes)) {
    fs.writeFileSync(path.join(dist, file), Buffer.alloc(raw));
    if (br !== null) fs.writeFileSync(path.join(dist, `${file}.br`), Buffer.alloc(br));
    if (gz !== null) fs.writeFileSync(path.join(dist, `${file}.gz`), Buffer.alloc(gz));
  }
});
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

const staffLogin: Route = { name: 'staff_login', url: '/login', entry: 'index.html', pages: [] };
const staffChart: Route = { name: 'staff_chart', url: '/chart', entry: 'index.html', pages: ['src/chart-page.tsx'] };
const residentHome: Route = { name: 'm_home', url: '/m', entry: 'm.html', pages: ['src/home.tsx'] };
const residentChart: Route = {
  name: 'm_chart',
  url: '/m/chart',
  entry: 'm.html',
  pages: ['src/home.tsx', 'src/chart-page.tsx'],
  after: 'm_home',
};

describe('first-load bytes from the build manifest', () => {
  it('follows the static imports and stylesheets of the entry and the pages a route opens, not their lazy imports', () => {
    expect(filesOf(manifest, staffLogin)).toEqual(['index.html', 'assets/index-1.js', 'assets/index-1.css', 'assets/antd-1.js']);
    expect(filesOf(manifest, residentHome)).toEqual([
      'm.html',
      'assets/m-1.js',
      'assets/antd-mobile-1.js',
      'assets/antd-mobile-1.css',
      'assets/home-1.js',
    ]);
    expect(filesOf(manifest, staffChart)).toContain('assets/echarts-1.js');
    expect(() => filesOf(manifest, { ...staffLogin, pages: ['src/missing.tsx'] })).toThrow(/src\/missing.tsx/);
  });

  it('sums the brotli copies (the file itself where the build wrote none), gzip and raw, and names antd, antd-mobile and echarts where loaded', () => {
    const measured = measureFirstLoad(dist, [staffLogin, staffChart, residentHome]);
    expect(measured.staff_login).toEqual({
      url: '/login',
      entry: 'index.html',
      br: 600 + 3_000 + 800 + 25_000,
      br_after: 600 + 3_000 + 800 + 25_000,
      gzip: 600 + 3_500 + 800 + 30_000,
      raw: 600 + 10_000 + 800 + 100_000,
      files: 4,
      libraries: ['antd'],
    });
    expect(measured.staff_chart?.br).toBe(600 + 3_000 + 800 + 25_000 + 1_500 + 60_000);
    expect(measured.staff_chart?.libraries).toEqual(['antd', 'echarts']);
    expect(measured.m_home?.br).toBe(500 + 2_000 + 12_000 + 1_000 + 900);
    expect(measured.m_home?.libraries).toEqual(['antd-mobile']);
  });

  it('counts after the previous route only the files it has not loaded', () => {
    const measured = measureFirstLoad(dist, [residentHome, residentChart]);
    expect(measured.m_chart?.br).toBe(500 + 2_000 + 12_000 + 1_000 + 900 + 1_500 + 25_000 + 60_000);
    expect(measured.m_chart?.br_after).toBe(1_500 + 25_000 + 60_000);
  });

  it('says to build first when there is no manifest', () => {
    expect(() => measureFirstLoad(path.join(dist, 'nowhere'))).toThrow(/npm run build:web/);
  });
});
