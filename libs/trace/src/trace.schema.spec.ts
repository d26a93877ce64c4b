import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRACE_SCHEMA_DROP_SQL, TRACE_SCHEMA_SQL } from './trace.schema';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('trace schema', () => {
  it('is the same SQL as the migration that runs in production', () => {
    const migration = squash(
      readFileSync(
        join(__dirname, '..', '..', 'persistence', 'src', 'migrations', '1732300500000-trace.ts'),
        'utf8',
      ),
    );
    for (const statement of [...TRACE_SCHEMA_SQL, ...TRACE_SCHEMA_DROP_SQL]) {
      expect(migration).toContain(squash(statement));
    }
  });
});
