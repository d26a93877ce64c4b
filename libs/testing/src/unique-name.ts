import { randomBytes } from 'node:crypto';

/** A name no other test run uses, for topics, schemas, client ids. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
