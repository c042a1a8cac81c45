import type { Transaction } from 'dexie';

export interface Migration {
  version: number;
  name: string;
  /** Dexie store declarations of this version (only what changes). */
  stores: Record<string, string | null>;
  /** Reshapes stored data when the version is applied. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
}
