import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { computeCheckDigit, CSET82_CHARACTERS } from '@pharmatrace/gs1';
import { TraceError, TraceErrorCode, type TraceProblem } from '../trace.error';
import { RECALL_CLASSES, type IssueRecall, type RecallClass } from './recall.model';

/** Body of POST /v1/recalls. */
export class IssueRecallDto {
  @ApiProperty({ example: '10614141073464', description: 'GTIN-14 of the product' })
  gtin!: string;
  @ApiProperty({ example: ['LOT-3T'], description: '1 to 100 lot numbers (GS1 AI 10: 1-20 characters)' })
  lots!: string[];
  @ApiProperty({ example: 'Out-of-specification dissolution results' })
  reason!: string;
  @ApiProperty({ enum: RECALL_CLASSES, example: 'II', description: 'I: serious harm likely … III: unlikely' })
  class!: RecallClass;
}

/** Body of POST /v1/recalls/{id}/lift. */
export class LiftRecallDto {
  @ApiPropertyOptional({ example: 'Root cause found in the test method; batch within specification' })
  reason?: string;
}

const MAX_LOTS = 100;
const CSET82 = new Set(CSET82_CHARACTERS);

function isLot(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= 20 &&
    [...value].every((c) => CSET82.has(c))
  );
}

function invalid(problems: TraceProblem[]): TraceError {
  return new TraceError(
    TraceErrorCode.InvalidRecall,
    `the recall is invalid: ${problems.map((p) => `${p.pointer} ${p.reason}`).join('; ')}`,
    { details: problems },
  );
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 1 && trimmed.length <= max ? trimmed : undefined;
}

/** Validates the whole body and reports every problem with a JSON pointer. */
export function parseIssueRecall(input: unknown): IssueRecall {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid([{ pointer: '', reason: 'must be a JSON object' }]);
  }
  const body = input as Record<string, unknown>;
  const problems: TraceProblem[] = [];
  const gtin = typeof body['gtin'] === 'string' ? body['gtin'] : '';
  if (!/^\d{14}$/.test(gtin)) {
    problems.push({ pointer: '/gtin', reason: 'must be a GTIN-14 (14 digits)' });
  } else if (computeCheckDigit(gtin.slice(0, 13)) !== gtin[13]) {
    problems.push({
      pointer: '/gtin',
      reason: `check digit should be ${computeCheckDigit(gtin.slice(0, 13))}`,
    });
  }
  const lots = body['lots'];
  if (!Array.isArray(lots) || lots.length === 0 || lots.length > MAX_LOTS) {
    problems.push({ pointer: '/lots', reason: `must be an array of 1 to ${MAX_LOTS} lot numbers` });
  } else {
    lots.forEach((lot, index) => {
      if (!isLot(lot)) {
        problems.push({ pointer: `/lots/${index}`, reason: 'must be 1-20 characters of the GS1 set 82' });
      } else if (lots.indexOf(lot) !== index) {
        problems.push({ pointer: `/lots/${index}`, reason: `repeats lot ${lot}` });
      }
    });
  }
  const reason = text(body['reason'], 2000);
  if (reason === undefined) {
    problems.push({ pointer: '/reason', reason: 'is required: a string of 1 to 2000 characters' });
  }
  const recallClass = body['class'];
  if (!RECALL_CLASSES.includes(recallClass as RecallClass)) {
    problems.push({ pointer: '/class', reason: `must be one of ${RECALL_CLASSES.join(', ')}` });
  }
  if (problems.length > 0) throw invalid(problems);
  return {
    gtin,
    lots: [...(lots as string[])].sort(),
    reason: reason ?? '',
    class: recallClass as RecallClass,
  };
}

export function parseLiftRecall(input: unknown): { reason: string | undefined } {
  if (input === undefined || input === null) return { reason: undefined };
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw invalid([{ pointer: '', reason: 'must be a JSON object' }]);
  }
  const raw = (input as Record<string, unknown>)['reason'];
  if (raw === undefined) return { reason: undefined };
  const reason = text(raw, 2000);
  if (reason === undefined) {
    throw invalid([{ pointer: '/reason', reason: 'must be a string of 1 to 2000 characters' }]);
  }
  return { reason };
}
