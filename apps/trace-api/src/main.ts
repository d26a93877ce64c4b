import { MasterDataModule } from '@pharmatrace/master-data';
import { runService } from '@pharmatrace/runtime';
import { TraceModule } from '@pharmatrace/trace';

/**
 * Trace, recall and webhooks on their own: `node tools/bin/run-app.js apps/trace-api/src/main.ts`.
 * Reads what the custody processor writes; the outbox rows it adds (ledger records, recall notices)
 * are published by the custody processor's outbox relay, which shares the database.
 */
runService({
  title: 'PharmaTrace trace and recall API',
  compose: () => ({ imports: [MasterDataModule, TraceModule] }),
});
