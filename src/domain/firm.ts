// Rules of the firm profile. Only the name is required.
import { creditCodeProblem, normalizeCreditCode, type CreditCodeProblem } from './credit-code';
import type { Firm } from './types';

export type FirmInput = Omit<Firm, 'id' | 'createdAt' | 'updatedAt'>;

export type FirmIssue =
  | { field: 'name'; code: 'required' | 'tooLong' }
  | { field: 'creditCode'; code: CreditCodeProblem }
  | { field: 'industry'; code: 'invalid' }
  | { field: 'employees'; code: 'invalid' };

export const FIRM_NAME_MAX = 200;

export function emptyFirmInput(): FirmInput {
  return { name: '', creditCode: '', industry: '', sizeClass: '', district: '', employees: null, contact: '' };
}

/** Trims text and normalises the credit code, as stored. */
export function normalizeFirmInput(input: FirmInput): FirmInput {
  return {
    ...input,
    name: input.name.trim(),
    creditCode: normalizeCreditCode(input.creditCode),
    district: input.district.trim(),
    contact: input.contact.trim(),
  };
}

export function validateFirm(input: FirmInput): FirmIssue[] {
  const f = normalizeFirmInput(input);
  const issues: FirmIssue[] = [];
  if (f.name === '') issues.push({ field: 'name', code: 'required' });
  else if (f.name.length > FIRM_NAME_MAX) issues.push({ field: 'name', code: 'tooLong' });
  if (f.creditCode !== '') {
    const problem = creditCodeProblem(f.creditCode);
    if (problem) issues.push({ field: 'creditCode', code: problem });
  }
  if (f.industry !== '' && !/^[A-T]$/.test(f.industry)) issues.push({ field: 'industry', code: 'invalid' });
  if (f.employees !== null && (!Number.isInteger(f.employees) || f.employees < 0 || f.employees > 10_000_000)) {
    issues.push({ field: 'employees', code: 'invalid' });
  }
  return issues;
}
