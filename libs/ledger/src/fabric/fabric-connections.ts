import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { connect, hash, signers, type Contract, type Gateway } from '@hyperledger/fabric-gateway';
import { LedgerError, LedgerErrorCode } from '../ledger.error';
import type { FabricLedgerConfig, FabricOrgConfig } from './fabric-ledger.config';

function read(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new LedgerError(LedgerErrorCode.Configuration, `cannot read ${what} ${path}`, { cause: error });
  }
}

const deadline = (ms: number) => () => ({ deadline: Date.now() + ms });

/**
 * The gateways of every configured organisation: one gRPC client per peer endpoint (shared by every
 * gateway using that peer) and one gateway per organisation identity, each with deadlines per call
 * type. Records are routed to the gateway of the organisation that must submit them.
 */
export class FabricConnections {
  private readonly clients = new Map<string, grpc.Client>();
  private readonly gateways = new Map<string, Gateway>();

  constructor(private readonly config: FabricLedgerConfig) {
    try {
      for (const org of config.orgs) this.gateways.set(org.mspId, this.connect(org));
    } catch (error) {
      this.close();
      throw error;
    }
  }

  get mspIds(): string[] {
    return [...this.gateways.keys()];
  }

  has(msp: string): boolean {
    return this.gateways.has(msp);
  }

  /** The pharma-custody contract as seen by `msp`'s identity (default: the first organisation). */
  contract(msp?: string): Contract {
    return this.network(msp).getContract(this.config.chaincode);
  }

  /** The peer's query system chaincode (blocks by number or transaction id). */
  qscc(msp?: string): Contract {
    return this.network(msp).getContract('qscc');
  }

  close(): void {
    for (const gateway of this.gateways.values()) gateway.close();
    for (const client of this.clients.values()) client.close();
    this.gateways.clear();
    this.clients.clear();
  }

  private network(msp?: string) {
    const gateway = this.gateways.get(msp ?? this.mspIds[0] ?? '');
    if (!gateway)
      throw new LedgerError(
        LedgerErrorCode.Configuration,
        `no Fabric identity for ${msp ?? 'any organisation'}`,
      );
    return gateway.getNetwork(this.config.channel);
  }

  private connect(org: FabricOrgConfig): Gateway {
    const { deadlines } = this.config;
    return connect({
      client: this.client(org),
      identity: { mspId: org.mspId, credentials: read(org.certPath, `${org.mspId} certificate`) },
      signer: signers.newPrivateKeySigner(createPrivateKey(read(org.keyPath, `${org.mspId} private key`))),
      hash: hash.sha256,
      evaluateOptions: deadline(deadlines.evaluateMs),
      endorseOptions: deadline(deadlines.endorseMs),
      submitOptions: deadline(deadlines.submitMs),
      commitStatusOptions: deadline(deadlines.commitStatusMs),
    });
  }

  private client(org: FabricOrgConfig): grpc.Client {
    let client = this.clients.get(org.peerEndpoint);
    if (!client) {
      const credentials = grpc.credentials.createSsl(
        read(org.tlsCertPath, `${org.mspId} TLS CA certificate`),
      );
      client = new grpc.Client(org.peerEndpoint, credentials, {
        'grpc.ssl_target_name_override': org.peerHostAlias,
        // Blocks (qscc) of many large transactions exceed gRPC's 4 MB default.
        'grpc.max_receive_message_length': 256 * 1024 * 1024,
        'grpc.max_send_message_length': 64 * 1024 * 1024,
        'grpc.keepalive_time_ms': 120_000,
      });
      this.clients.set(org.peerEndpoint, client);
    }
    return client;
  }
}
