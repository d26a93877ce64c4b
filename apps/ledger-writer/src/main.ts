import { LedgerWriterModule, openLedger } from '@pharmatrace/ledger';
import { MetricsRegistry, runService } from '@pharmatrace/runtime';

/**
 * The ledger writer on its own: consumes `ledger.records` in its own consumer group, anchors the
 * records on Fabric (FABRIC_* settings, one identity per organisation) or on the embedded ledger, and
 * stores receipts in `ledger_receipts`; serves /health and /metrics.
 * `node tools/bin/run-app.js apps/ledger-writer/src/main.ts`.
 */
runService({
  title: 'PharmaTrace ledger writer',
  compose: (ports, config) => {
    const { ledger, kind } = openLedger(process.env, { sql: ports.database.sql, dataDir: config.dataDir });
    return {
      title: `PharmaTrace ledger writer (${kind} ledger)`,
      imports: [
        LedgerWriterModule.forRoot(
          {
            ledger,
            eventLog: ports.eventLog,
            sql: ports.database.sql,
            maxBatchRecords: config.consumerBatchSize,
          },
          { countWith: MetricsRegistry },
        ),
      ],
      close: () => ledger.close(),
    };
  },
});
