import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gapTo, NO_TARGETS, targetLevel } from '../../../src/domain/targets';
import type { TargetProfile } from '../../../src/domain/result-types';
import type { MaturityLevel } from '../../../src/domain/types';

describe('targetLevel', () => {
  it('defaults to one level up, and stays at 5', () => {
    expect(targetLevel('SRV-01', 'SRV', 1, NO_TARGETS)).toBe(2);
    expect(targetLevel('SRV-01', 'SRV', 4, NO_TARGETS)).toBe(5);
    expect(targetLevel('SRV-01', 'SRV', 5, NO_TARGETS)).toBe(5);
  });

  it('takes the module target over the default, and the indicator target over both', () => {
    const targets: TargetProfile = { modules: { SRV: 4 }, indicators: { 'SRV-02': 3 } };
    expect(targetLevel('SRV-01', 'SRV', 1, targets)).toBe(4);
    expect(targetLevel('SRV-02', 'SRV', 1, targets)).toBe(3);
    expect(targetLevel('MON-01', 'MON', 2, targets)).toBe(3);
  });

  it('keeps a target at or below the current level, which is no gap', () => {
    const targets: TargetProfile = { modules: { SRV: 2 }, indicators: {} };
    expect(targetLevel('SRV-01', 'SRV', 3, targets)).toBe(2);
    expect(gapTo(3, 2)).toBe(0);
    expect(gapTo(3, 3)).toBe(0);
    expect(gapTo(1, 4)).toBe(3);
  });

  it('with default targets, gives a gap of 1 below level 5 and none at 5', () => {
    fc.assert(
      fc.property(fc.constantFrom<MaturityLevel>(1, 2, 3, 4, 5), (level) => {
        expect(gapTo(level, targetLevel('X-01', 'X', level, NO_TARGETS))).toBe(level === 5 ? 0 : 1);
      }),
    );
  });
});
