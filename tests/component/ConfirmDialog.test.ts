// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createAppI18n } from '../../src/modules/i18n';
import ConfirmDialog from '../../src/components/common/ConfirmDialog.vue';

const props = { open: true, title: '删除“甲”？', message: '无法恢复', confirmLabel: '删除', danger: true };

describe('ConfirmDialog', () => {
  it('opens with focus on Cancel, so Enter cannot confirm by accident', async () => {
    const w = mount(ConfirmDialog, { props, attachTo: document.body, global: { plugins: [createAppI18n('zh-CN')] } });
    await new Promise((r) => setTimeout(r));
    expect(document.activeElement?.textContent?.trim()).toBe('取消');
    w.unmount();
  });

  it('emits confirm only from the confirm button, cancel from Cancel', async () => {
    const w = mount(ConfirmDialog, { props, global: { plugins: [createAppI18n('zh-CN')] } });
    await w.findAll('button')[0]!.trigger('click');
    expect(w.emitted('cancel')).toHaveLength(1);
    expect(w.emitted('confirm')).toBeUndefined();
    await w.get('[data-testid="confirm-button"]').trigger('click');
    expect(w.emitted('confirm')).toHaveLength(1);
  });
});
