// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../../src/modules/i18n';
import { catalogue } from '../../src/content/index';
import AssessmentIndicatorCard from '../../src/components/assessment/AssessmentIndicatorCard.vue';
import type { AnswerFields } from '../../src/domain/types';

const module = catalogue.modules[1]!;
const indicator = module.indicators[2]!;
const blank: AnswerFields = { level: null, notApplicable: false, naReason: '', note: '', evidence: '' };

function mountCard(answer: Partial<AnswerFields> = {}, props: Record<string, unknown> = {}) {
  return mount(AssessmentIndicatorCard, {
    props: { module, indicator, levels: catalogue.levels, answer: { ...blank, ...answer }, ...props },
    global: { plugins: [createAppI18n('zh-CN')] },
  });
}

describe('AssessmentIndicatorCard', () => {
  it('shows the question and the 5 descriptors of the indicator', () => {
    const w = mountCard();
    expect(w.text()).toContain(indicator.question.zh);
    for (const l of indicator.levels) expect(w.get(`[data-testid="level-${l.level}"]`).text()).toContain(l.descriptor.zh);
  });

  it('every level has an accessible name with the level and its descriptor', () => {
    const w = mountCard();
    const radios = w.findAll('input[type="radio"]');
    expect(radios).toHaveLength(5);
    expect(radios[2]!.attributes('aria-label')).toBe(`3 规范级：${indicator.levels[2]!.descriptor.zh}`);
  });

  it('picking a level emits it and clears not applicable', async () => {
    const w = mountCard();
    await w.findAll('input[type="radio"]')[3]!.trigger('change');
    expect(w.emitted('change')).toEqual([[{ level: 4, notApplicable: false }]]);
  });

  it('marks the stored level as selected', () => {
    const w = mountCard({ level: 2 });
    expect(w.get('[data-testid="level-2"]').classes()).toContain('is-selected');
    expect((w.findAll('input[type="radio"]')[1]!.element as HTMLInputElement).checked).toBe(true);
  });

  it('not applicable asks for a reason and disables the levels', async () => {
    const w = mountCard({ notApplicable: true });
    expect(w.get('fieldset').attributes('disabled')).toBeDefined();
    const reason = w.get(`#na-${indicator.id}`);
    expect(reason.attributes('aria-invalid')).toBe('true');
    await reason.setValue('不涉及');
    expect(w.emitted('change')!.at(-1)).toEqual([{ naReason: '不涉及' }]);
  });

  it('notes are text, never HTML', async () => {
    const w = mountCard({ note: '<img src=x onerror=alert(1)>' });
    expect(w.find('img[src="x"]').exists()).toBe(false);
    expect((w.get(`#note-${indicator.id}`).element as HTMLTextAreaElement).value).toBe('<img src=x onerror=alert(1)>');
  });

  it('keeps what is being typed when the stored value changes elsewhere', async () => {
    const w = mountCard({ note: 'a' });
    const note = w.get(`#note-${indicator.id}`);
    await note.trigger('focus');
    await note.setValue('typed here');
    await w.setProps({ answer: { ...blank, note: 'changed in another tab' } });
    expect((note.element as HTMLTextAreaElement).value).toBe('typed here');
    await note.trigger('blur');
    await w.setProps({ answer: { ...blank, note: 'again' } });
    expect((note.element as HTMLTextAreaElement).value).toBe('again');
  });

  it('read-only: choosing a level does nothing', async () => {
    const w = mountCard({ level: 3 }, { readonly: true });
    await w.findAll('input[type="radio"]')[0]!.trigger('change');
    expect(w.emitted('change')).toBeUndefined();
  });
});
