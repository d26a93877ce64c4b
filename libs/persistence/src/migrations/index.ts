import { CoreSchema1732300000000 } from './1732300000000-core-schema';
import { Devices1732300100000 } from './1732300100000-devices';
import { CustodySchema1732300200000 } from './1732300200000-custody-schema';
import { Ledger1732300300000 } from './1732300300000-ledger';
import { Trace1732300500000 } from './1732300500000-trace';
import { CorrectionJson1732300600000 } from './1732300600000-correction-json';

/** Every migration, oldest first. PostgreSQL and PGlite run the same list. */
export const ALL_MIGRATIONS = [
  CoreSchema1732300000000,
  Devices1732300100000,
  CustodySchema1732300200000,
  Ledger1732300300000,
  Trace1732300500000,
  CorrectionJson1732300600000,
];
