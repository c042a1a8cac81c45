import { describe, expect, it } from 'vitest';
import { csvCell, firmAnswersCsv, toCsv, type CsvLabels } from '../../../src/domain/csv';
import { makeCatalogue } from '../fixtures';
import { ans, assessment } from '../../fixtures/records';

const ZH: CsvLabels = { module: '模块', indicatorId: '指标编号', indicator: '指标', level: '等级', naReason: '不适用原因', note: '备注', evidence: '证据', notApplicable: '不适用' };

/** A minimal RFC 4180 reader, to check that quoting round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('csv cells', () => {
  it.each([
    ['plain', 'plain'],
    ['天津市曌明精密机械', '天津市曌明精密机械'],
    ['a,b', '"a,b"'],
    ['说 "好"', '"说 ""好"""'],
    ['第一行\n第二行', '"第一行\n第二行"'],
    ['=cmd()', "'=cmd()"],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
  it('numbers and empty cells stay as they are', () => {
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
    expect(toCsv([['a', 1], [null, 'b']])).toBe('\uFEFFa,1\r\n,b\r\n');
  });
});

describe('firmAnswersCsv', () => {
  const catalogue = makeCatalogue({ perModule: 2 });
  const older = assessment('a1', 'f1', {
    assessedOn: '2025-11-20',
    answers: [ans('STR-01', 2, { note: '有纪要, 但"不全"\r\n第二行', evidence: '=cmd()' }), ans('PRD-02', 'na', { naReason: '不生产' })],
  });
  const newer = assessment('a2', 'f1', { assessedOn: '2026-11-20', answers: [ans('STR-01', 3), ans('XYZ-09', 1, { note: '旧目录指标' })] });
  const sameDay = assessment('a3', 'f1', { assessedOn: '2026-11-20', createdAt: '2026-12-01T00:00:00.000Z', answers: [] });
  const text = firmAnswersCsv(catalogue, [newer, sameDay, older], 'zh', ZH);
  const rows = parseCsv(text.slice(1));

  it('is UTF-8 text with BOM and CRLF rows', () => {
    expect(text.startsWith('\uFEFF模块,指标编号,指标,2025-11-20 等级,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has a header in the chosen language, oldest assessment first, same dates told apart', () => {
    expect(rows[0]).toEqual([
      '模块', '指标编号', '指标',
      '2025-11-20 等级', '2025-11-20 不适用原因', '2025-11-20 备注', '2025-11-20 证据',
      '2026-11-20 等级', '2026-11-20 不适用原因', '2026-11-20 备注', '2026-11-20 证据',
      '2026-11-20 (2) 等级', '2026-11-20 (2) 不适用原因', '2026-11-20 (2) 备注', '2026-11-20 (2) 证据',
    ]);
    expect(rows.every((r) => r.length === 15)).toBe(true);
  });

  it('one row per indicator in catalogue order, then indicators the catalogue does not know', () => {
    expect(rows.slice(1).map((r) => r[1])).toEqual([...catalogue.modules.flatMap((m) => m.indicators.map((i) => i.id)), 'XYZ-09']);
    const str01 = rows.find((r) => r[1] === 'STR-01')!;
    expect(str01.slice(0, 11)).toEqual(['STR', 'STR-01', 'STR-01', '2', '', '有纪要, 但"不全"\r\n第二行', "'=cmd()", '3', '', '', '']);
    expect(rows.find((r) => r[1] === 'PRD-02')!.slice(3, 7)).toEqual(['不适用', '不生产', '', '']);
    expect(rows.find((r) => r[1] === 'XYZ-09')!.slice(0, 11)).toEqual(['', 'XYZ-09', '', '', '', '', '', '1', '', '旧目录指标', '']);
  });

  it('English labels and names', () => {
    const en = firmAnswersCsv(catalogue, [older], 'en', { ...ZH, module: 'Module', level: 'level' });
    expect(parseCsv(en.slice(1))[0]!.slice(0, 4)).toEqual(['Module', '指标编号', '指标', '2025-11-20 level']);
  });
});
