/**
 * The chaincode's public surface, for the ledger clients: the record format, the contract class the
 * embedded ledger runs in process, transaction names and the rejection format.
 *
 * The one import of chaincode/pharma-custody from a library. Nx's module boundaries do not allow a
 * data-access library to depend on a `type:chaincode` project nor a relative import of another
 * project, and the workspace has no path alias for the chaincode yet; both are wiring decisions for
 * the lead (see libs/ledger/README.md, "Open points"). Until then this file is the only exception.
 */
// eslint-disable-next-line @nx/enforce-module-boundaries
export * from '../../../../chaincode/pharma-custody/src/index';
