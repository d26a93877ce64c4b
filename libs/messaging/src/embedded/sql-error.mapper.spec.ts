import { EventLogUnavailableError, MessagingError, MessagingErrorCode } from '../messaging.error';
import { sqlToMessagingError } from './sql-error.mapper';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('sqlToMessagingError', () => {
  it.each([
    withCode('08006', 'connection failure'),
    withCode('57P01', 'terminating connection due to administrator command'),
    withCode('53300', 'too many connections'),
    withCode('40P01', 'deadlock detected'),
    withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    new Error('PGlite is closed'),
    new Error('Cannot use a pool after calling end on the pool'),
    new Error('Connection terminated unexpectedly'),
  ])('maps %p to UNAVAILABLE', (error) => {
    const mapped = sqlToMessagingError(error, 'publishing', 3);
    expect(mapped).toBeInstanceOf(EventLogUnavailableError);
    expect(mapped).toMatchObject({ retryAfterSeconds: 3, cause: error });
  });

  it('points at the migration when the tables are missing', () => {
    const mapped = sqlToMessagingError(withCode('42P01', 'relation "event_log_records" does not exist'), 'x');
    expect(mapped.code).toBe(MessagingErrorCode.Internal);
    expect(mapped.message).toMatch(/EMBEDDED_LOG_SCHEMA_SQL/);
  });

  it('maps other errors to INTERNAL and leaves messaging errors alone', () => {
    expect(sqlToMessagingError(withCode('23505', 'duplicate key'), 'x').code).toBe(
      MessagingErrorCode.Internal,
    );
    const own = new MessagingError(MessagingErrorCode.UnknownTopic, 'nope');
    expect(sqlToMessagingError(own, 'x')).toBe(own);
  });
});
