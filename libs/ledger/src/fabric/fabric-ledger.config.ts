import { LedgerError, LedgerErrorCode } from '../ledger.error';

/** One organisation's gateway peer and client identity. */
export interface FabricOrgConfig {
  readonly mspId: string;
  /** `host:port` of the organisation's gateway peer. */
  readonly peerEndpoint: string;
  /** TLS server name of the peer (grpc.ssl_target_name_override). */
  readonly peerHostAlias: string;
  readonly tlsCertPath: string;
  readonly certPath: string;
  readonly keyPath: string;
}

/** gRPC deadlines per call type, in milliseconds. */
export interface FabricDeadlines {
  readonly evaluateMs: number;
  readonly endorseMs: number;
  readonly submitMs: number;
  readonly commitStatusMs: number;
}

export interface FabricLedgerConfig {
  readonly channel: string;
  readonly chaincode: string;
  readonly orgs: readonly FabricOrgConfig[];
  readonly deadlines: FabricDeadlines;
  /** Fetch each commit's block header (one qscc query per block) for the receipt's block hash. */
  readonly blockHashes: boolean;
  /**
   * Organisations whose peers endorse every transaction, all at once. Unset: the gateway chooses
   * from the endorsement policy, endorsing on its own organisation's peer first and on the others
   * after (two round trips). Setting it makes the client answerable for satisfying the policy.
   */
  readonly endorsingOrganizations?: readonly string[];
}

/**
 * Endorsing a 200-record batch costs each peer a few hundred state reads; a commit waits for the
 * block (200 ms batch timeout) and its validation. Generous bounds, still far below a hang.
 */
export const DEFAULT_FABRIC_DEADLINES: FabricDeadlines = {
  evaluateMs: 10_000,
  endorseMs: 30_000,
  submitMs: 10_000,
  commitStatusMs: 60_000,
};

type Env = Record<string, string | undefined>;

const ORG_KEYS = {
  mspId: 'MSP_ID',
  peerEndpoint: 'PEER_ENDPOINT',
  peerHostAlias: 'PEER_HOST_ALIAS',
  tlsCertPath: 'TLS_CERT',
  certPath: 'CERT',
  keyPath: 'KEY',
} as const;

function orgFrom(env: Env, prefix: string, problems: string[]): FabricOrgConfig | undefined {
  const values: Partial<Record<keyof FabricOrgConfig, string>> = {};
  for (const [field, suffix] of Object.entries(ORG_KEYS) as [keyof FabricOrgConfig, string][]) {
    const value = env[`${prefix}${suffix}`];
    if (value) values[field] = value;
    else if (field !== 'peerHostAlias') problems.push(`${prefix}${suffix} is not set`);
  }
  if (!values.mspId || !values.peerEndpoint || !values.tlsCertPath || !values.certPath || !values.keyPath) {
    return undefined;
  }
  return {
    mspId: values.mspId,
    peerEndpoint: values.peerEndpoint,
    peerHostAlias: values.peerHostAlias ?? values.peerEndpoint.replace(/:\d+$/, ''),
    tlsCertPath: values.tlsCertPath,
    certPath: values.certPath,
    keyPath: values.keyPath,
  };
}

/**
 * The Fabric settings infra/fabric writes (`.infra/env/fabric.env`) or a deployment sets:
 * `FABRIC_CHANNEL`, `FABRIC_CHAINCODE`, `FABRIC_ORGS=org1,org2` and per organisation
 * `FABRIC_ORG1_{MSP_ID,PEER_ENDPOINT,PEER_HOST_ALIAS,TLS_CERT,CERT,KEY}`; or a single organisation as
 * `FABRIC_{MSP_ID,PEER_ENDPOINT,PEER_HOST_ALIAS,TLS_CERT,CERT,KEY}`. Undefined when none is set (the
 * embedded ledger is used then); a partial configuration is an error naming every missing variable.
 */
export function fabricLedgerConfig(env: Env): FabricLedgerConfig | undefined {
  const problems: string[] = [];
  const names = (env['FABRIC_ORGS'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const orgs: FabricOrgConfig[] = [];
  if (names.length > 0) {
    for (const name of names) {
      const org = orgFrom(env, `FABRIC_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`, problems);
      if (org) orgs.push(org);
    }
  } else if (Object.values(ORG_KEYS).some((suffix) => env[`FABRIC_${suffix}`])) {
    const org = orgFrom(env, 'FABRIC_', problems);
    if (org) orgs.push(org);
  } else {
    return undefined;
  }
  const msps = orgs.map((o) => o.mspId);
  if (new Set(msps).size !== msps.length) problems.push(`an MSP id appears twice in ${msps.join(', ')}`);
  if (problems.length > 0) {
    throw new LedgerError(LedgerErrorCode.Configuration, `Fabric settings: ${problems.join('; ')}`);
  }
  const endorsing = endorsingOrganizations(env['FABRIC_ENDORSING_ORGS'], msps);
  return {
    channel: env['FABRIC_CHANNEL'] || 'pharmatrace',
    chaincode: env['FABRIC_CHAINCODE'] || 'pharma-custody',
    orgs,
    deadlines: DEFAULT_FABRIC_DEADLINES,
    blockHashes: env['FABRIC_BLOCK_HASHES'] !== 'false',
    ...(endorsing && { endorsingOrganizations: endorsing }),
  };
}

/** `FABRIC_ENDORSING_ORGS`: MSP ids separated by commas, or `*` for every configured organisation. */
function endorsingOrganizations(
  raw: string | undefined,
  configured: readonly string[],
): string[] | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (value === '*') return [...configured];
  return value
    .split(',')
    .map((msp) => msp.trim())
    .filter(Boolean);
}
