// The data revision: every transaction that writes to a table the programme view is computed from also writes a
// new token to meta `dataRevision`, in the same transaction (a Dexie DBCore middleware, so no write path can
// forget it). A summary kept with the revision it was computed from is current while the two match.
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';

export const REVISION_KEY = 'dataRevision';
/** The programme view's kept reading (portfolio.ts), with firm details: deleted with a firm. */
export const VIEW_KEY = 'portfolioView';
/** Tables whose writes change the revision. */
const REVISED_TABLES: ReadonlySet<string> = new Set(['firms', 'assessments', 'answers', 'planStates', 'targets']);

export const revisionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DataRevision',
  create(down) {
    const revised = new WeakSet<DBCoreTransaction>();
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (!REVISED_TABLES.has(name)) return table;
        return {
          ...table,
          async mutate(req) {
            // An empty bulk write (e.g. an import that finds everything already stored) changes nothing.
            const empty = req.type === 'deleteRange' ? false : req.type === 'delete' ? req.keys.length === 0 : req.values.length === 0;
            if (!empty && !revised.has(req.trans)) {
              const scope = (req.trans as unknown as Partial<IDBTransaction>).objectStoreNames;
              if (scope && !scope.contains('meta')) throw new Error(`A write to ${name} needs the meta table in its transaction (data revision).`);
              revised.add(req.trans);
              // Both requests queued at once: no extra round trip before the write itself.
              const [, result] = await Promise.all([down.table('meta').mutate({ type: 'put', trans: req.trans, values: [{ key: REVISION_KEY, value: crypto.randomUUID() }] }), table.mutate(req)]);
              return result;
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};
