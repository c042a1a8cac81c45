// The IndexedDB database: every Dexie version(n) is declared from db/migrations/.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Answer, Assessment, Firm } from '../domain/types';
import type { PlanItemState, TargetProfile } from '../domain/result-types';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { refuseNewerDatabase } from './migrations/guard';
import { revisionMiddleware } from './revision';

export const DB_NAME = 'qm-maturity';

export interface AnswerRow extends Answer {
  assessmentId: string;
  /** Incremented on every write; a save names the revision it was based on (see answers.ts). */
  rev: number;
}

/** A fact about the stored data, e.g. `exportedAt:<assessmentId>` → ISO date-time (see storage.ts). */
export interface MetaRow {
  key: string;
  value: string;
}

export interface PlanStateRow extends PlanItemState {
  assessmentId: string;
}

export interface TargetRow extends TargetProfile {
  firmId: string;
  updatedAt: string;
}

/**
 * The programme view's summary of one assessment (an AssessmentSnapshot as JSON: one string reads several times
 * faster than the object with its dozens of action ids), valid while `key` matches what it was computed from.
 */
export interface PortfolioSnapshotRow {
  assessmentId: string;
  firmId: string;
  key: string;
  snapshot: string;
}

export class AppDatabase extends Dexie {
  firms!: EntityTable<Firm, 'id'>;
  assessments!: EntityTable<Assessment, 'id'>;
  answers!: Table<AnswerRow, [string, string]>;
  meta!: Table<MetaRow, string>;
  planStates!: Table<PlanStateRow, [string, string]>;
  targets!: Table<TargetRow, string>;
  portfolioSnapshots!: Table<PortfolioSnapshotRow, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const m of MIGRATIONS) {
      const version = this.version(m.version).stores(m.stores);
      if (m.upgrade) version.upgrade(m.upgrade);
    }
    this.use(revisionMiddleware);
    refuseNewerDatabase(this, SCHEMA_VERSION);
  }
}

let instance: AppDatabase | null = null;

export function getDb(): AppDatabase {
  instance ??= new AppDatabase();
  return instance;
}

/** Tests use a database of their own. */
export function useDatabase(db: AppDatabase): void {
  instance = db;
}
