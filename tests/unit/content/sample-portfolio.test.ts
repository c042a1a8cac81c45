import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseExportFile } from '../../../src/domain/file-format';
import { creditCodeProblem } from '../../../src/domain/credit-code';
import { generatePortfolio, SAMPLE_PATH } from '../../../scripts/sample/generate-portfolio';

const text = readFileSync(SAMPLE_PATH, 'utf8');

describe('the sample portfolio', () => {
  const parsed = parseExportFile(text);
  const file = parsed.ok ? parsed.file : null;

  it('is a valid export file of about 30 clearly fictional firms', () => {
    expect(parsed.ok).toBe(true);
    expect(file!.firms.length).toBeGreaterThanOrEqual(25);
    expect(file!.firms.length).toBeLessThanOrEqual(35);
    for (const f of file!.firms) {
      expect(f.name.startsWith('示例·')).toBe(true);
      expect(creditCodeProblem(f.creditCode)).toBeNull();
    }
    expect(new Set(file!.firms.map((f) => f.district)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(file!.firms.map((f) => f.industry)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(file!.firms.map((f) => f.sizeClass))).toEqual(new Set(['micro', 'small', 'medium']));
  });

  it('has re-assessed firms, not-applicable answers with reasons and done plan decisions', () => {
    const perFirm = new Map<string, number>();
    for (const a of file!.assessments) perFirm.set(a.firmId, (perFirm.get(a.firmId) ?? 0) + 1);
    expect([...perFirm.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(5);
    const na = file!.assessments.flatMap((a) => a.answers).filter((x) => x.notApplicable);
    expect(na.length).toBeGreaterThan(0);
    expect(na.every((x) => x.naReason.length > 10)).toBe(true);
    expect(file!.assessments.some((a) => a.planStates.some((s) => s.status === 'done'))).toBe(true);
  });

  it('is what the generator writes, byte for byte', () => {
    expect(generatePortfolio()).toBe(text);
  });
});
