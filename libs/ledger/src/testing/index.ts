/**
 * Test helpers: record factories and an in-memory ledger that runs the real contract on the
 * chaincode's fake stub.
 */
export * from './chaincode-testing';
export { InMemoryLedger } from './in-memory-ledger';
