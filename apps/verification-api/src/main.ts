import { MasterDataModule } from '@pharmatrace/master-data';
import { runService } from '@pharmatrace/runtime';
import { VerificationModule } from '@pharmatrace/verification';

/**
 * Verification, dispense and LVMS on their own: `node tools/bin/run-app.js apps/verification-api/src/main.ts`.
 * Dispense and decommission complete once a custody processor (apps/custody-processor, or the
 * platform) has applied their events.
 */
runService({
  title: 'PharmaTrace verification API',
  bodyLimit: 2 * 1024 * 1024,
  compose: () => ({ imports: [MasterDataModule, VerificationModule] }),
});
