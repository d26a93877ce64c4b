import { blockHeaderHash, decodeBlockHeader } from './block-header';

// Headers of blocks 0, 1 and 9 of a test network, with the hash the next block's previous_hash held.
const vectors = [
  {
    number: 0n,
    previousHash: '',
    dataHash: '548521c0279d6782c4d0784132f140c25bd05a7aa94eeeba3cf2532b7c8a44f7',
    hash: '9889a2d31e1815abb2de55646695aedeb678bdd3f3ab8a08976aad85aa6abbe7',
  },
  {
    number: 1n,
    previousHash: '9889a2d31e1815abb2de55646695aedeb678bdd3f3ab8a08976aad85aa6abbe7',
    dataHash: '6eac99eae9ea197a678850a98cab29b6b0cfc8c616a3ab2799ed115d9648b360',
    hash: '1f478cba1f14c58c88f6c8b41a404cdf8ce774ec237c6bc1894fd2133e3dd9d6',
  },
  {
    number: 9n,
    previousHash: '14ba97104c80cb9f0c1b8f459e63dbe039d018943258c6e6693325dc30f26950',
    dataHash: '13933ef7ca7d0c8759667d5790600400d42a930e8de1605c37909100e43496c9',
    hash: 'b5ab647cb9c3be601dae664bee07be0416d6a79a49e9d8e37feac94914218e37',
  },
];

function varint(value: bigint): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

const bytesField = (field: number, bytes: Buffer) => [
  ...varint(BigInt((field << 3) | 2)),
  ...varint(BigInt(bytes.length)),
  ...bytes,
];

/** A serialized common.Block: header, then a data field the decoder must skip. */
function block(number: bigint, previousHash: string, dataHash: string): Uint8Array {
  const header = Buffer.from([
    ...(number > 0n ? [...varint(1n << 3n), ...varint(number)] : []),
    ...(previousHash ? bytesField(2, Buffer.from(previousHash, 'hex')) : []),
    ...bytesField(3, Buffer.from(dataHash, 'hex')),
  ]);
  return Uint8Array.from([...bytesField(1, header), ...bytesField(2, Buffer.alloc(300, 7))]);
}

describe('Fabric block header', () => {
  it.each(vectors)(
    'decodes block $number and hashes it as Fabric does',
    ({ number, previousHash, dataHash, hash }) => {
      const header = decodeBlockHeader(block(number, previousHash, dataHash));
      expect(header.number).toBe(number);
      expect(Buffer.from(header.previousHash).toString('hex')).toBe(previousHash);
      expect(Buffer.from(header.dataHash).toString('hex')).toBe(dataHash);
      expect(blockHeaderHash(header)).toBe(hash);
    },
  );

  it('encodes numbers whose high bit is set as positive DER integers', () => {
    const small = blockHeaderHash({
      number: 127n,
      previousHash: new Uint8Array(),
      dataHash: new Uint8Array(),
    });
    const large = blockHeaderHash({
      number: 128n,
      previousHash: new Uint8Array(),
      dataHash: new Uint8Array(),
    });
    const huge = blockHeaderHash({
      number: 2n ** 40n,
      previousHash: new Uint8Array(32),
      dataHash: new Uint8Array(32),
    });
    expect(new Set([small, large, huge]).size).toBe(3);
  });

  it('refuses bytes that are not a block', () => {
    expect(() => decodeBlockHeader(Uint8Array.from([0x10, 0x01]))).toThrow(/no header/);
  });
});
