import { describe, expect, it } from 'vitest';
import zh from '../../src/locales/zh-CN.json';
import en from '../../src/locales/en.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('locale files', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keys(en)).toEqual(keys(zh));
  });
  it('keys are sorted and snake_case, so diffs stay small', () => {
    for (const messages of [zh, en]) {
      const walk = (o: object) => {
        const ks = Object.keys(o);
        expect(ks).toEqual([...ks].sort());
        for (const k of ks) expect(k).toMatch(/^[a-z0-9_]+$/);
        for (const v of Object.values(o)) if (typeof v === 'object' && v) walk(v);
      };
      walk(messages);
    }
  });
  it('no message is empty', () => {
    for (const messages of [zh, en]) {
      const flat = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : flat(v)));
      expect(flat(messages).filter((m) => m.trim() === '')).toEqual([]);
    }
  });
});
