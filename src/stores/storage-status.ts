// How much this device stores, whether the browser keeps it, and what was never backed up.
// Kept apart from the data store so the first screen does not load the import and export code.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { neverExported, requestPersistence, storageEstimate, type PersistenceResult, type StorageEstimate } from '../db/storage';
import { assessmentsRepo } from '../db/assessments';

export const useStorageStatusStore = defineStore('storage-status', () => {
  const estimate = shallowRef<StorageEstimate | null>(null);
  const persistence = ref<PersistenceResult | null>(null);
  const unexported = ref(0);

  async function refresh(): Promise<void> {
    estimate.value = await storageEstimate();
    unexported.value = (await neverExported(await assessmentsRepo.list())).length;
  }

  async function askPersistence(): Promise<PersistenceResult> {
    persistence.value = await requestPersistence();
    return persistence.value;
  }

  return { estimate, persistence, unexported, refresh, askPersistence };
});
