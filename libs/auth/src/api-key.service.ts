import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import type { Participant } from './participant';
import { ParticipantRepository } from './participant.repository';

/** How long a verified key is trusted without asking the database again (revocation delay). */
const CACHE_TTL_MS = 10_000;

/**
 * API keys are 256 random bits, so a plain SHA-256 of the key is a safe stored form (no dictionary to
 * attack) and lets the lookup be one indexed query instead of a slow password hash per request.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

@Injectable()
export class ApiKeyService {
  private readonly sql: SqlClient;
  private readonly cache = new Map<string, { participant: Participant; expires: number }>();

  constructor(
    @Inject(DATABASE) database: Database,
    private readonly participants: ParticipantRepository,
  ) {
    this.sql = database.sql;
  }

  /** Issues a new key for a participant; the plain key is returned once and never stored. */
  async issue(gln: string, label: string): Promise<{ id: string; key: string }> {
    const key = `pt_${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    await this.sql.query(`insert into api_keys (id, gln, key_hash, label) values ($1, $2, $3, $4)`, [
      id,
      gln,
      hashApiKey(key),
      label,
    ]);
    return { id, key };
  }

  async revoke(id: string): Promise<void> {
    await this.sql.query(`update api_keys set revoked_at = now() where id = $1 and revoked_at is null`, [id]);
    this.cache.clear();
  }

  /** The participant a key belongs to, or undefined for an unknown or revoked key. */
  async authenticate(key: string): Promise<Participant | undefined> {
    const hash = hashApiKey(key);
    const cached = this.cache.get(hash);
    if (cached && cached.expires > Date.now()) return cached.participant;
    const rows = await this.sql.query<{ gln: string }>(
      `select gln from api_keys where key_hash = $1 and revoked_at is null`,
      [hash],
    );
    const gln = rows[0]?.gln;
    const participant = gln ? await this.participants.findByGln(gln) : undefined;
    if (participant) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(hash, { participant, expires: Date.now() + CACHE_TTL_MS });
    }
    return participant;
  }
}
