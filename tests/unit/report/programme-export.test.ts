// The programme summary's export flow: input built from the locale files, character check, confirm, failure.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../../src/content';
import { needGroups } from '../../../src/domain/need-groups';
import { filterRows } from '../../../src/domain/portfolio';
import type { ProgrammeReportInput } from '../../../src/report/programme/types';
import { programmeInput } from '../../fixtures/report/programme-input';

const lazy = vi.hoisted(() => ({ check: vi.fn(), exportPdf: vi.fn() }));
vi.mock('../../../src/report/programme', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  checkProgrammeCharacters: lazy.check,
  exportProgrammePdf: lazy.exportPdf,
}));

const { useProgrammeExport } = await import('../../../src/composables/programme-export');

function base(locale: 'zh' | 'en' = 'zh') {
  const { all } = programmeInput({ rare: true });
  const filter = { district: '滨海新区' };
  const rows = filterRows(all, filter);
  return { locale, catalogue, rows, allRows: all, groups: needGroups(rows, catalogue.modules.map((m) => m.id)), filter };
}

describe('useProgrammeExport', () => {
  beforeEach(() => {
    lazy.check.mockReset().mockResolvedValue([]);
    lazy.exportPdf.mockReset().mockResolvedValue(new Blob(['%PDF'], { type: 'application/pdf' }));
  });

  it('builds the input from the locale files and exports at once when every character prints', async () => {
    const e = useProgrammeExport();
    const save = vi.fn();
    await e.start(base('zh'), save);
    expect(save).toHaveBeenCalledTimes(1);
    const input = lazy.exportPdf.mock.calls[0]![0] as ProgrammeReportInput;
    expect(input.labels.title).toBe('质量管理成熟度分类汇总');
    expect(input.labels.footer_page).toBe('第 {page} 页 / 共 {pages} 页');
    expect(input.filterDescription).toBe('区县：滨海新区；行业：全部；规模：全部；阶段：全部');
    expect(input.portfolio.firms).toBe(30);
    expect(input.rows.every((r) => r.district === '滨海新区')).toBe(true);
    expect(input.industryNames.C).toBe('制造业');
    expect(() => structuredClone(input)).not.toThrow();
    expect(e.busy.value).toBe(false);
  });

  it('waits for confirmation when a character has no font, and cancel drops the export', async () => {
    lazy.check.mockResolvedValue(['𠀾']);
    const e = useProgrammeExport();
    const save = vi.fn();
    await e.start(base('en'), save);
    expect(e.missing.value).toEqual(['𠀾']);
    expect(save).not.toHaveBeenCalled();
    e.cancel();
    await e.confirm(save);
    expect(save).not.toHaveBeenCalled();
    await e.start(base('en'), save);
    await e.confirm(save);
    expect(save).toHaveBeenCalledTimes(1);
    expect((lazy.exportPdf.mock.calls[0]![0] as ProgrammeReportInput).labels.title).toBe('Quality Management Maturity — Programme Summary');
    expect(e.missing.value).toEqual([]);
  });

  it('reports a failed export and stays usable', async () => {
    lazy.exportPdf.mockRejectedValueOnce(new Error('font fetch failed'));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const e = useProgrammeExport();
    const save = vi.fn();
    await e.start(base(), save);
    expect(e.failed.value).toBe(true);
    expect(e.busy.value).toBe(false);
    await e.start(base(), save);
    expect(e.failed.value).toBe(false);
    expect(save).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
