import { join } from 'node:path';
import type { SqlClient } from '@pharmatrace/persistence';
import { EmbeddedLedger } from './embedded/embedded-ledger.adapter';
import { NodeSigningKey } from './embedded/node-signing-key';
import { FabricLedger, type FabricLedgerOptions } from './fabric/fabric-ledger.adapter';
import { fabricLedgerConfig } from './fabric/fabric-ledger.config';

/** Where the embedded ledger keeps its signing key: beside the rest of the node's data. */
export function embeddedKeyFile(dataDir: string): string {
  return join(dataDir, 'ledger', 'node-ed25519.pem');
}

/**
 * The ledger the configuration asks for: Fabric when FABRIC_* settings are present (see
 * fabricLedgerConfig), otherwise the embedded ledger in the given database, signing with the key
 * file under `dataDir` (created on first use).
 */
export function openLedger(
  env: Record<string, string | undefined>,
  embedded: { sql: SqlClient; dataDir: string },
  options: FabricLedgerOptions = {},
): { ledger: FabricLedger | EmbeddedLedger; kind: 'fabric' | 'embedded' } {
  const fabric = fabricLedgerConfig(env);
  if (fabric) return { ledger: new FabricLedger(fabric, options), kind: 'fabric' };
  const key = NodeSigningKey.loadOrCreate(embeddedKeyFile(embedded.dataDir));
  return { ledger: new EmbeddedLedger({ ...options, sql: embedded.sql, key }), kind: 'embedded' };
}
