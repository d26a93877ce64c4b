/**
 * EPCISDocument (EPCIS 2.0 JSON/JSON-LD capture payload): envelope checks, master data, and every event
 * normalised. `normaliseDocument` is all-or-nothing (capture error behaviour `rollback`);
 * `normaliseDocumentPartial` keeps the valid events and reports the others (`proceed`).
 */
import { MAX_EVENTS_PER_CAPTURE } from './capture-limits';
import { EpcisErrorCode, EpcisProblemKind, ProblemCollector, type EpcisProblem } from './epcis.error';
import {
  canonicalRecordTime,
  createReaderContext,
  readEvent,
  type NormaliseOptions,
} from './event.normaliser';
import { readContext } from './json-ld-context';
import { isPlainObject, pointerTo, quote } from './json-pointer';
import type { EpcisEvent } from './model/epcis-event';
import type { MasterDataVocabulary } from './model/master-data';
import { readExtensionField } from './reader/extension-fields.reader';
import { readString, readTimestamp } from './reader/field-values.reader';
import { wrongType, type ReaderContext } from './reader/reader-context';
import { readEpcisHeader } from './reader/master-data.reader';

export interface NormalisedDocument {
  schemaVersion: string;
  /** UTC with milliseconds. */
  creationDate: string;
  id?: string;
  instanceIdentifier?: string;
  sender?: string;
  receiver?: string;
  masterData?: MasterDataVocabulary[];
  events: EpcisEvent[];
}

export interface RejectedEvent {
  /** Index in `epcisBody.eventList`. */
  index: number;
  problems: EpcisProblem[];
}

const ENVELOPE_STRINGS = ['id', 'instanceIdentifier', 'sender', 'receiver'] as const;
const SCHEMA_VERSION = /^2(\.\d+)*$/;

/** All-or-nothing: throws EpcisValidationError with every problem (capped) of the envelope and events. */
export function normaliseDocument(input: unknown, options: NormaliseOptions): NormalisedDocument {
  const ctx = createReaderContext(options);
  const recordTime = canonicalRecordTime(options.recordTime);
  const envelope = readEnvelope(ctx, input);
  const events: EpcisEvent[] = [];
  if (envelope !== undefined) {
    const { list, at } = envelope;
    for (let i = 0; i < list.length && !ctx.problems.full; i++) {
      const event = readEvent(ctx, list[i], pointerTo(at, i), recordTime);
      if (event !== undefined) events.push(event);
    }
  }
  ctx.problems.throwIfAny(EpcisErrorCode.InvalidDocument);
  if (envelope === undefined) throw new Error('unreachable: a document without problems has no envelope');
  return { ...envelope.document, events };
}

/**
 * Greedy capture: the envelope must be valid (else it throws); each event is kept or rejected on its
 * own, with its own problems.
 */
export function normaliseDocumentPartial(
  input: unknown,
  options: NormaliseOptions,
): { document: NormalisedDocument; rejected: RejectedEvent[] } {
  const ctx = createReaderContext(options);
  const recordTime = canonicalRecordTime(options.recordTime);
  const envelope = readEnvelope(ctx, input);
  ctx.problems.throwIfAny(EpcisErrorCode.InvalidDocument);
  if (envelope === undefined) throw new Error('unreachable: a document without problems has no envelope');
  const events: EpcisEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const { list, at } = envelope;
  for (let i = 0; i < list.length; i++) {
    const eventCtx: ReaderContext = { ...ctx, problems: new ProblemCollector(), usedPrefixes: undefined };
    const event = readEvent(eventCtx, list[i], pointerTo(at, i), recordTime);
    if (event !== undefined) events.push(event);
    else rejected.push({ index: i, problems: eventCtx.problems.problems });
  }
  return { document: { ...envelope.document, events }, rejected };
}

interface Envelope {
  document: Omit<NormalisedDocument, 'events'>;
  list: unknown[];
  at: string;
}

function readEnvelope(ctx: ReaderContext, input: unknown): Envelope | undefined {
  const problems = ctx.problems;
  if (!isPlainObject(input)) {
    wrongType(ctx, '', 'an EPCISDocument object', input);
    return undefined;
  }
  const document: Partial<Omit<NormalisedDocument, 'events'>> = {};
  let list: unknown[] | undefined;
  if (input['type'] !== 'EPCISDocument') {
    problems.add(
      EpcisProblemKind.Vocabulary,
      '/type',
      `type must be "EPCISDocument", got ${quote(input['type'])}`,
    );
  }
  if (input['@context'] === undefined)
    problems.add(EpcisProblemKind.Required, '/@context', '@context is required');
  else ctx.namespaces = readContext(input['@context'], '/@context', problems, undefined);
  for (const key of ['schemaVersion', 'creationDate', 'epcisBody']) {
    if (input[key] === undefined) problems.add(EpcisProblemKind.Required, `/${key}`, `${key} is required`);
  }
  for (const key in input) {
    const value = input[key];
    const at = pointerTo('', key);
    switch (key) {
      case '@context':
      case 'type':
        break;
      case 'schemaVersion':
        if (typeof value === 'string' && SCHEMA_VERSION.test(value)) document.schemaVersion = value;
        else
          problems.add(
            EpcisProblemKind.Format,
            at,
            `schemaVersion must be "2.0" (EPCIS 2.x), got ${quote(value)}`,
          );
        break;
      case 'creationDate':
        document.creationDate = readTimestamp(ctx, value, at);
        break;
      case 'epcisHeader':
        document.masterData = readEpcisHeader(ctx, value, at);
        break;
      case 'epcisBody':
        list = readBody(ctx, value, at);
        break;
      case 'id':
      case 'instanceIdentifier':
      case 'sender':
      case 'receiver':
        document[key] = readString(ctx, value, at);
        break;
      default:
        readExtensionField(ctx, undefined, key, value, '', 'an EPCISDocument');
    }
  }
  if (list === undefined || document.schemaVersion === undefined || document.creationDate === undefined) {
    return undefined;
  }
  const clean: Omit<NormalisedDocument, 'events'> = {
    schemaVersion: document.schemaVersion,
    creationDate: document.creationDate,
  };
  for (const key of ENVELOPE_STRINGS) if (document[key] !== undefined) clean[key] = document[key];
  if (document.masterData !== undefined) clean.masterData = document.masterData;
  return { document: clean, list, at: '/epcisBody/eventList' };
}

function readBody(ctx: ReaderContext, value: unknown, at: string): unknown[] | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'an epcisBody object', value);
    return undefined;
  }
  let list: unknown[] | undefined;
  for (const key in value) {
    if (key !== 'eventList') {
      readExtensionField(ctx, undefined, key, value[key], at, 'epcisBody');
      continue;
    }
    const events = value[key];
    const listAt = pointerTo(at, key);
    if (!Array.isArray(events)) wrongType(ctx, listAt, 'an array of events', events);
    else if (events.length > MAX_EVENTS_PER_CAPTURE) {
      ctx.problems.add(
        EpcisProblemKind.Limit,
        listAt,
        `${events.length} events; the capture limit is ${MAX_EVENTS_PER_CAPTURE} events per document`,
      );
    } else list = events;
  }
  if (!('eventList' in value))
    ctx.problems.add(EpcisProblemKind.Required, pointerTo(at, 'eventList'), 'eventList is required');
  return list;
}
