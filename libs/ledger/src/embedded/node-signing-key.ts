import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LedgerError, LedgerErrorCode } from '../ledger.error';

/**
 * The node's Ed25519 key, which signs every block of the embedded ledger. The private key lives in a
 * file (PKCS#8 PEM, mode 0600) beside the data, never in the database: someone who can rewrite the
 * database cannot re-sign a rewritten chain. Blocks name the key by id (SHA-256 of its public key).
 */
export class NodeSigningKey {
  readonly keyId: string;
  readonly publicKeyPem: string;

  private constructor(private readonly privateKey: KeyObject) {
    const publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = publicKeyId(this.publicKeyPem);
  }

  /** Reads the key from `file`, creating a new one there on first use. */
  static loadOrCreate(file: string): NodeSigningKey {
    try {
      if (!existsSync(file)) {
        mkdirSync(dirname(file), { recursive: true });
        const { privateKey } = generateKeyPairSync('ed25519');
        writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
        chmodSync(file, 0o600);
      }
      return NodeSigningKey.fromPem(readFileSync(file, 'utf8'));
    } catch (error) {
      if (error instanceof LedgerError) throw error;
      throw new LedgerError(LedgerErrorCode.Configuration, `cannot load the ledger signing key ${file}`, {
        cause: error,
      });
    }
  }

  static fromPem(pem: string): NodeSigningKey {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new LedgerError(
        LedgerErrorCode.Configuration,
        `the ledger signing key is ${key.asymmetricKeyType}, not ed25519`,
      );
    }
    return new NodeSigningKey(key);
  }

  /** Base64 Ed25519 signature of a hex digest. */
  sign(hashHex: string): string {
    return sign(null, Buffer.from(hashHex, 'hex'), this.privateKey).toString('base64');
  }
}

export function publicKeyId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

export function verifySignature(publicKeyPem: string, hashHex: string, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(hashHex, 'hex'),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}
