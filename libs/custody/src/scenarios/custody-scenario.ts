import type { AlertCode } from '../model/alert-codes';
import type { CustodyOutcome } from '../model/custody-outcome';
import type { PackStatus } from '../model/pack-state';
import type { CustodyWorld } from '../testing/custody-world';

/** One row of the scenario table: set up a world, apply one event or command, then compare. */
export interface CustodyScenario {
  readonly name: string;
  readonly when: (world: CustodyWorld) => CustodyOutcome;
  /** Every alert code raised by the event under test, sorted as the outcome sorts them (EPC, code). */
  readonly alerts: readonly AlertCode[];
  /** Expected status per EPC afterwards; null means no state exists. */
  readonly statuses?: Readonly<Record<string, PackStatus | null>>;
  /** Further assertions (custodian, handoffs, links, blocking flags…). */
  readonly check?: (world: CustodyWorld, outcome: CustodyOutcome) => void;
}
