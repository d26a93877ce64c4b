import { CustodyProcessingModule } from '@pharmatrace/custody-processing';
import { runService } from '@pharmatrace/runtime';

/**
 * The custody processor on its own: consumes captured events in its own consumer group, serves the
 * alerts API, /health and /metrics. `node tools/bin/run-app.js apps/custody-processor/src/main.ts`.
 */
runService({
  title: 'PharmaTrace custody processor',
  compose: () => ({ imports: [CustodyProcessingModule] }),
});
