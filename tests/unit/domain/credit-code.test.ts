import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { creditCodeCheckCharacter, creditCodeProblem, normalizeCreditCode } from '../../../src/domain/credit-code';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes of real firms', () => {
    for (const code of ['91440300708461136T', '91110000802100433B', '91350100M000100Y43']) expect(creditCodeProblem(code)).toBeNull();
  });
  it('names the problem', () => {
    expect(creditCodeProblem('9144030070846113')).toBe('length');
    expect(creditCodeProblem('91440300708461136I')).toBe('characters');
    expect(creditCodeProblem('91440300708461136A')).toBe('checkCharacter');
  });
  it('normalises what a person types', () => {
    expect(normalizeCreditCode(' 91440300708461136t ')).toBe('91440300708461136T');
  });
  it('any single-character change to a valid code is caught', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = fc.array(fc.constantFrom(...charset), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.constantFrom(...charset), (b, i, c) => {
        const code = b + creditCodeCheckCharacter(b);
        expect(creditCodeProblem(code)).toBeNull();
        fc.pre(b[i] !== c);
        const changed = b.slice(0, i) + c + b.slice(i + 1) + code[17];
        expect(creditCodeProblem(changed)).toBe('checkCharacter');
      }),
    );
  });
});
