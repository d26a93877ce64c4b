import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';
import { LEDGER } from '../ledger.port';
import {
  LEDGER_WRITER_DEPENDENCIES,
  LEDGER_WRITER_METRICS,
  LedgerWriterConsumer,
  type LedgerWriterDependencies,
} from './ledger-writer.consumer';

/**
 * The ledger writer: consumes `ledger.records`, anchors them on the ledger it is given (Fabric or
 * embedded, opened at boot by openLedger) and stores receipts in `ledger_receipts`. The ports come in
 * as values (this data-access library does not depend on the runtime); `countWith` names a provider
 * (the runtime's MetricsRegistry) that counts outcomes. Exports LEDGER for readers (verification, audit).
 */
@Module({})
export class LedgerWriterModule {
  static forRoot(
    dependencies: LedgerWriterDependencies,
    options: { countWith?: InjectionToken } = {},
  ): DynamicModule {
    return {
      module: LedgerWriterModule,
      providers: [
        { provide: LEDGER, useValue: dependencies.ledger },
        { provide: LEDGER_WRITER_DEPENDENCIES, useValue: dependencies },
        ...(options.countWith ? [{ provide: LEDGER_WRITER_METRICS, useExisting: options.countWith }] : []),
        LedgerWriterConsumer,
      ],
      exports: [LEDGER],
    };
  }
}
