// Backups, exports and imports, and the state of this device's storage.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { applyImport, exportAll, exportAssessment, exportFileName, exportFirm, ImportError, localDate, previewImport, serialize, type ImportResult } from '../db/transfer';
import { markExported } from '../db/storage';
import { useStorageStatusStore } from './storage-status';
import { toStorageError } from '../db/errors';
import { BackupError, decrypt, encrypt, isEncryptedBackup, serializeBackup } from '../domain/backup-crypto';
import { parseExportFile, type ExportFile, type ImportIssue } from '../domain/file-format';
import { firmAnswersCsv, type CsvLabels } from '../domain/csv';
import type { ImportChoices, ImportPlan } from '../domain/import-plan';
import type { Locale } from '../domain/types';
import { snakeCase } from '../domain/keys';
import { downloadBlob } from '../composables/download';
import { useCatalogueStore } from './catalogue';

export type ImportStage = 'idle' | 'needsPassphrase' | 'invalid' | 'preview' | 'done' | 'failed';

export const useDataStore = defineStore('data', () => {
  const status = useStorageStatusStore();

  // Import, step by step.
  const stage = ref<ImportStage>('idle');
  const fileName = ref('');
  const rawText = ref('');
  const file = shallowRef<ExportFile | null>(null);
  const plan = shallowRef<ImportPlan | null>(null);
  const issues = shallowRef<ImportIssue[]>([]);
  /** A message key (locales) for what went wrong, with its parameters. */
  const failure = ref<{ key: string; params?: Record<string, string | number> } | null>(null);
  const result = shallowRef<ImportResult | null>(null);

  const refreshStorage = () => status.refresh();

  async function save(fileContent: ExportFile, label: string, passphrase?: string): Promise<void> {
    const json = serialize(fileContent);
    const date = localDate();
    if (passphrase) {
      const envelope = await encrypt(json, passphrase);
      downloadBlob(new Blob([serializeBackup(envelope)], { type: 'application/json' }), exportFileName(label, date, 'qmmbackup.json'));
    } else {
      downloadBlob(new Blob([json], { type: 'application/json' }), exportFileName(label, date));
    }
    await markExported(fileContent.assessments.map((a) => a.id));
    await refreshStorage();
  }

  const backupAll = async (label: string, passphrase?: string) => save(await exportAll(), label, passphrase);
  const exportOneFirm = async (firmId: string, label: string) => save(await exportFirm(firmId), label);
  const exportOneAssessment = async (id: string, label: string) => save(await exportAssessment(id), label);

  async function exportFirmCsv(firmId: string, label: string, locale: Locale, labels: CsvLabels): Promise<void> {
    const catalogue = await useCatalogueStore().load();
    const f = await exportFirm(firmId);
    const csv = firmAnswersCsv(catalogue, f.assessments, locale, labels);
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), exportFileName(label, localDate(), 'csv'));
  }

  /** Imports the fictional sample portfolio (loaded on demand), keeping anything already stored. */
  async function loadSample(): Promise<void> {
    const { default: sample } = await import('../content/sample/portfolio.json');
    const parsed = parseExportFile(sample);
    if (!parsed.ok) throw new ImportError('invalidFile', parsed.issues);
    const sampleIds = new Set([...parsed.file.firms.map((f) => f.id), ...parsed.file.assessments.map((a) => a.id)]);
    const planned = await previewImport(parsed.file);
    // Sample records already here stay as they are.
    const choices = Object.fromEntries(planned.conflicts.filter((c) => sampleIds.has(c.id)).map((c) => [c.key, 'skip' as const]));
    await applyImport(parsed.file, planned, choices);
  }

  /** The PDF report's file name: firm and date. */
  const reportFileName = (label: string, date: string) => exportFileName(label, date, 'pdf', '质量管理成熟度评价报告');

  function resetImport(): void {
    stage.value = 'idle';
    fileName.value = '';
    rawText.value = '';
    file.value = null;
    plan.value = null;
    issues.value = [];
    failure.value = null;
    result.value = null;
  }

  async function preview(text: string): Promise<void> {
    const parsed = parseExportFile(text);
    if (!parsed.ok) {
      issues.value = parsed.issues;
      stage.value = 'invalid';
      return;
    }
    file.value = parsed.file;
    plan.value = await previewImport(parsed.file);
    stage.value = 'preview';
  }

  /** Opens the preview of a file read and validated elsewhere (the programme's files from others); writes nothing. */
  async function previewFile(chosen: ExportFile, name: string): Promise<void> {
    resetImport();
    fileName.value = name;
    try {
      file.value = chosen;
      plan.value = await previewImport(chosen);
      stage.value = 'preview';
    } catch (e) {
      file.value = null;
      fail(e);
    }
  }

  /** Reads a chosen file: an encrypted backup asks for its passphrase first. */
  async function readImport(chosen: File): Promise<void> {
    resetImport();
    fileName.value = chosen.name;
    try {
      rawText.value = await chosen.text();
      let envelope: unknown = null;
      try {
        envelope = JSON.parse(rawText.value.replace(/^\uFEFF/, ''));
      } catch {
        envelope = null;
      }
      if (isEncryptedBackup(envelope)) stage.value = 'needsPassphrase';
      else await preview(rawText.value);
    } catch (e) {
      fail(e);
    }
  }

  async function unlock(passphrase: string): Promise<void> {
    failure.value = null;
    try {
      await preview(await decrypt(JSON.parse(rawText.value.replace(/^\uFEFF/, '')), passphrase));
    } catch (e) {
      if (e instanceof BackupError && (e.code === 'wrongPassphrase' || e.code === 'emptyPassphrase')) {
        failure.value = { key: `backup.error.${snakeCase(e.code)}` };
        return;
      }
      fail(e);
    }
  }

  async function confirmImport(choices: ImportChoices): Promise<void> {
    if (!file.value || !plan.value) return;
    try {
      result.value = await applyImport(file.value, plan.value, choices);
      stage.value = 'done';
      await refreshStorage();
    } catch (e) {
      fail(e);
    }
  }

  function fail(e: unknown): void {
    stage.value = 'failed';
    if (e instanceof BackupError) failure.value = { key: `backup.error.${snakeCase(e.code)}` };
    else if (e instanceof ImportError) {
      failure.value = { key: `import.error.${snakeCase(e.code)}` };
      issues.value = e.issues;
    } else failure.value = { key: `storage.${snakeCase(toStorageError(e).code)}` };
  }

  return {
    loadSample, reportFileName, refreshStorage, backupAll, exportOneFirm, exportOneAssessment, exportFirmCsv,
    stage, fileName, file, plan, issues, failure, result, resetImport, readImport, previewFile, unlock, confirmImport,
  };
});
