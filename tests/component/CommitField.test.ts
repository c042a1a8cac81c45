// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CommitField from '../../src/components/common/CommitField.vue';

describe('CommitField', () => {
  it('keeps what is typed while the stored value changes, commits on change, then follows the store', async () => {
    const w = mount(CommitField, { props: { value: '' } });
    const input = w.get('input');
    await input.trigger('focus');
    await input.setValue('王经理');
    await w.setProps({ value: 'changed elsewhere' });
    expect((input.element as HTMLInputElement).value).toBe('王经理');
    expect(w.emitted('commit')).toEqual([['王经理']]);
    await input.trigger('blur');
    await w.setProps({ value: '李' });
    expect((input.element as HTMLInputElement).value).toBe('李');
  });
});
