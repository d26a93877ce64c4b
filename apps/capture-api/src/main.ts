import { CaptureModule } from '@pharmatrace/capture';
import { MasterDataModule } from '@pharmatrace/master-data';
import { runService } from '@pharmatrace/runtime';

/** EPCIS capture and query on their own: `node tools/bin/run-app.js apps/capture-api/src/main.ts`. */
runService({
  title: 'PharmaTrace capture API',
  compose: () => ({ imports: [MasterDataModule, CaptureModule] }),
});
