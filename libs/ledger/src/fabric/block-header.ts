import { createHash } from 'node:crypto';

/** A Fabric block's header: what its hash covers. */
export interface BlockHeader {
  readonly number: bigint;
  readonly previousHash: Uint8Array;
  readonly dataHash: Uint8Array;
}

/**
 * Reads the header of a serialized `common.Block` (protobuf: field 1 = header with number (1, varint),
 * previous_hash (2) and data_hash (3)). Only the header is decoded, so a large block costs nothing more.
 */
export function decodeBlockHeader(block: Uint8Array): BlockHeader {
  const header = field(block, 1);
  if (!header) throw new Error('not a Fabric block: no header');
  let number = 0n;
  let previousHash: Uint8Array = new Uint8Array();
  let dataHash: Uint8Array = new Uint8Array();
  for (const entry of fields(header)) {
    if (entry.number === 1 && typeof entry.value === 'bigint') number = entry.value;
    if (entry.number === 2 && entry.value instanceof Uint8Array) previousHash = entry.value;
    if (entry.number === 3 && entry.value instanceof Uint8Array) dataHash = entry.value;
  }
  return { number, previousHash, dataHash };
}

/**
 * The block hash as Fabric computes it (protoutil.BlockHeaderHash): SHA-256 of the DER encoding of
 * SEQUENCE { INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash }. The next block's
 * previous_hash is this value.
 */
export function blockHeaderHash(header: BlockHeader): string {
  const der = tlv(
    0x30,
    Buffer.concat([
      tlv(0x02, integerBytes(header.number)),
      tlv(0x04, header.previousHash),
      tlv(0x04, header.dataHash),
    ]),
  );
  return createHash('sha256').update(der).digest('hex');
}

function integerBytes(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = Buffer.from(hex, 'hex');
  // Positive numbers whose first byte has the high bit set get a leading zero (two's complement).
  return bytes.length > 0 && (bytes[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

function tlv(tag: number, content: Uint8Array): Buffer {
  const length = content.length;
  let prefix: number[];
  if (length < 0x80) prefix = [length];
  else {
    const bytes: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
    prefix = [0x80 | bytes.length, ...bytes];
  }
  return Buffer.concat([Buffer.from([tag, ...prefix]), content]);
}

interface Field {
  readonly number: number;
  readonly value: bigint | Uint8Array;
}

function readVarint(bytes: Uint8Array, start: number): [bigint, number] {
  let value = 0n;
  let shift = 0n;
  let position = start;
  for (;;) {
    if (position >= bytes.length) throw new Error('truncated protobuf varint');
    const byte = bytes[position++] as number;
    value |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [value, position];
    shift += 7n;
  }
}

function* fields(bytes: Uint8Array): Generator<Field> {
  let position = 0;
  while (position < bytes.length) {
    const [key, afterKey] = readVarint(bytes, position);
    const number = Number(key >> 3n);
    const wireType = Number(key & 7n);
    position = afterKey;
    if (wireType === 0) {
      const [value, next] = readVarint(bytes, position);
      position = next;
      yield { number, value };
    } else if (wireType === 2) {
      const [length, next] = readVarint(bytes, position);
      const end = next + Number(length);
      yield { number, value: bytes.subarray(next, end) };
      position = end;
    } else if (wireType === 1) position += 8;
    else if (wireType === 5) position += 4;
    else throw new Error(`unsupported protobuf wire type ${wireType}`);
  }
}

function field(bytes: Uint8Array, wanted: number): Uint8Array | undefined {
  for (const entry of fields(bytes)) {
    if (entry.number === wanted && entry.value instanceof Uint8Array) return entry.value;
  }
  return undefined;
}
