import type { CommittedTransaction } from '../submit/transaction.port';
import { blockHeaderHash, decodeBlockHeader } from './block-header';
import type { FabricConnections } from './fabric-connections';

const CACHED_BLOCKS = 1024;

/**
 * Block hashes and transaction locations from the peer's query system chaincode (qscc). Many
 * transactions share a block, so each block is fetched once (concurrent askers share the request)
 * and a small cache keeps the recent ones.
 */
export class FabricBlocks {
  private readonly hashes = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly connections: FabricConnections,
    private readonly channel: string,
    private readonly enabled: boolean,
  ) {}

  /** The hash of block `number`, or undefined when block hashes are off or the peer did not answer. */
  hashOf(number: bigint, msp?: string): Promise<string | undefined> {
    if (!this.enabled) return Promise.resolve(undefined);
    const key = number.toString();
    let pending = this.hashes.get(key);
    if (!pending) {
      pending = this.connections
        .qscc(msp)
        .evaluate('GetBlockByNumber', { arguments: [this.channel, key] })
        .then((block) => blockHeaderHash(decodeBlockHeader(block)))
        .catch(() => {
          this.hashes.delete(key); // not cached: the next receipt of this block asks again
          return undefined;
        });
      this.hashes.set(key, pending);
      if (this.hashes.size > CACHED_BLOCKS) {
        const oldest = this.hashes.keys().next().value;
        if (oldest !== undefined) this.hashes.delete(oldest);
      }
    }
    return pending;
  }

  /** The block holding a committed transaction, or undefined when the peer does not know it. */
  async locate(txId: string, msp?: string): Promise<CommittedTransaction | undefined> {
    try {
      const block = await this.connections
        .qscc(msp)
        .evaluate('GetBlockByTxID', { arguments: [this.channel, txId] });
      const header = decodeBlockHeader(block);
      return {
        blockNumber: Number(header.number),
        ...(this.enabled && { blockHash: blockHeaderHash(header) }),
      };
    } catch {
      return undefined;
    }
  }
}
