/**
 * fabric-contract-api logs at `info` unless told otherwise: a line per decorator at load and more per
 * transaction. Quieter by default; CORE_CHAINCODE_LOGGING_LEVEL=INFO (or DEBUG) brings it back. Must be
 * imported before fabric-contract-api, which reads the level when it is first loaded.
 */
process.env['CORE_CHAINCODE_LOGGING_LEVEL'] ??= 'WARNING';
