import { Inject, Injectable } from '@nestjs/common';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';

export type CaptureErrorBehaviour = 'rollback' | 'proceed';
export type CaptureJobStatus = 'running' | 'success' | 'failed';

export interface CaptureProblem {
  pointer: string;
  reason: string;
}

export interface CaptureJob {
  id: string;
  capturedBy: string;
  status: CaptureJobStatus;
  errorBehaviour: CaptureErrorBehaviour;
  eventCount: number;
  acceptedCount: number;
  errors: CaptureProblem[];
  createdAt: string;
  finishedAt: string | undefined;
}

interface JobRow {
  id: string;
  captured_by: string;
  status: CaptureJobStatus;
  error_behaviour: CaptureErrorBehaviour;
  event_count: number;
  accepted_count: number;
  errors: CaptureProblem[];
  created_at: Date | string;
  finished_at: Date | string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

@Injectable()
export class CaptureJobRepository {
  private readonly sql: SqlClient;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  async start(job: {
    id: string;
    capturedBy: string;
    errorBehaviour: CaptureErrorBehaviour;
    eventCount: number;
  }) {
    await this.sql.query(
      `insert into capture_jobs (id, captured_by, status, error_behaviour, event_count) values ($1, $2, 'running', $3, $4)`,
      [job.id, job.capturedBy, job.errorBehaviour, job.eventCount],
    );
  }

  async finish(
    id: string,
    status: Exclude<CaptureJobStatus, 'running'>,
    acceptedCount: number,
    errors: CaptureProblem[],
  ) {
    await this.sql.query(
      `update capture_jobs set status = $2, accepted_count = $3, errors = $4, finished_at = now() where id = $1`,
      [id, status, acceptedCount, JSON.stringify(errors)],
    );
  }

  async find(id: string): Promise<CaptureJob | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const rows = await this.sql.query<JobRow>(`select * from capture_jobs where id = $1`, [id]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      capturedBy: row.captured_by,
      status: row.status,
      errorBehaviour: row.error_behaviour,
      eventCount: row.event_count,
      acceptedCount: row.accepted_count,
      errors: row.errors,
      createdAt: iso(row.created_at),
      finishedAt: row.finished_at ? iso(row.finished_at) : undefined,
    };
  }
}
