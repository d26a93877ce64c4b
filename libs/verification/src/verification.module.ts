import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AuthModule } from '@pharmatrace/auth';
import { EventIntakeModule } from '@pharmatrace/capture';
import { MasterDataModule } from '@pharmatrace/master-data';
import { ReceiptHashTamperCheck } from './integrity/receipt-hash.tamper-check';
import { TAMPER_CHECK, type TamperCheck } from './integrity/tamper-check';
import { PackLookupRepository } from './lookup/pack-lookup.repository';
import { PackLookup } from './lookup/pack-lookup.service';
import { LvmsController } from './lvms/lvms.controller';
import { LvmsService } from './lvms/lvms.service';
import { AppliedEventWaiter } from './operations/applied-event.waiter';
import { EventAlertsRepository } from './operations/event-alerts.repository';
import { OperationController } from './operations/operation.controller';
import { OperationService } from './operations/operation.service';
import { BulkVerificationService } from './verify/bulk-verification.service';
import { VerificationService } from './verify/verification.service';
import { VerifyController } from './verify/verify.controller';

/**
 * Pack verification (EU FMD style verify, dispense, decommission and undo; DSCSA LVMS). Needs the
 * runtime ports (RuntimeModule) and, for operations to complete, a custody processor consuming the
 * event log in this process or another.
 */
@Module({
  imports: [AuthModule, MasterDataModule, EventIntakeModule],
  controllers: [VerifyController, OperationController, LvmsController],
  providers: [
    PackLookupRepository,
    PackLookup,
    { provide: TAMPER_CHECK, useClass: ReceiptHashTamperCheck },
    VerificationService,
    BulkVerificationService,
    AppliedEventWaiter,
    EventAlertsRepository,
    OperationService,
    LvmsService,
  ],
  exports: [VerificationService, AppliedEventWaiter],
})
export class VerificationModule {
  /** The module with another tamper check, e.g. one reading the ledger (replaces the receipt-hash one). */
  static withTamperCheck(tamperCheck: Type<TamperCheck>): DynamicModule {
    return { module: VerificationModule, providers: [{ provide: TAMPER_CHECK, useClass: tamperCheck }] };
  }
}
