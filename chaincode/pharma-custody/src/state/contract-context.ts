import { Context } from 'fabric-contract-api';
import type { LedgerIdentity, LedgerStub } from './ledger-stub';

/**
 * A fabric-contract-api Context over any stub and identity, to run the contract outside a peer (the
 * unit tests' fake, the embedded ledger). They implement only what the contract calls, hence the casts:
 * a call to anything else would fail loudly, which the tests would show.
 */
export function contractContext(stub: LedgerStub, identity: LedgerIdentity): Context {
  const ctx = new Context();
  ctx.stub = stub as unknown as Context['stub'];
  ctx.clientIdentity = identity as unknown as Context['clientIdentity'];
  return ctx;
}
