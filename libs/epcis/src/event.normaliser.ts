/**
 * Validates one EPCIS 2.0 JSON event and builds its canonical form (see the model file for the rules),
 * in a single pass over the input's keys.
 */
import type { PrefixTable } from '@pharmatrace/gs1';
import { canonicalTimestamp } from './date-time';
import { EpcisErrorCode, EpcisProblemKind, ProblemCollector } from './epcis.error';
import { computeEventHash } from './event-hash';
import { ALL_EVENT_FIELDS, FIELDS_BY_TYPE, isEventType } from './event-fields';
import { checkEventRules } from './event-rules.validator';
import { identifierNormaliserFor } from './identifier.normaliser';
import { lookupNamespace, readContext, type Namespaces } from './json-ld-context';
import { isPlainObject, pointerTo, quote } from './json-pointer';
import type { EpcisAction, EpcisEvent } from './model/epcis-event';
import {
  readBizTransactionList,
  readErrorDeclaration,
  readLocation,
  readPersistentDisposition,
  readQuantityList,
  readSourceDestList,
} from './reader/event-structures.reader';
import { readExtensionField, readIlmd } from './reader/extension-fields.reader';
import {
  readAnyUri,
  readEpc,
  readEpcList,
  readTimestamp,
  readTimeZoneOffset,
  readUri,
  readUriList,
  readVocabulary,
} from './reader/field-values.reader';
import { wrongType, type ReaderContext } from './reader/reader-context';
import { readSensorElementList } from './reader/sensor-element.reader';

export interface NormaliseOptions {
  /** The capturing participant's GS1 company prefix table (Digital Link → EPC URN needs it). */
  prefixTable: PrefixTable;
  /**
   * The platform's accept time (EPCIS recordTime). When given it replaces any recordTime the sender
   * wrote; when absent a sender's recordTime is kept (normalised). Never read from a clock here.
   */
  recordTime?: string;
}

const ACTIONS: ReadonlySet<string> = new Set(['ADD', 'OBSERVE', 'DELETE']);

export function createReaderContext(options: NormaliseOptions, namespaces?: Namespaces): ReaderContext {
  return {
    problems: new ProblemCollector(),
    ids: identifierNormaliserFor(options.prefixTable),
    namespaces,
    usedPrefixes: undefined,
  };
}

export function canonicalRecordTime(recordTime: string | undefined): string | undefined {
  if (recordTime === undefined) return undefined;
  const canonical = canonicalTimestamp(recordTime);
  if (canonical === undefined) throw new RangeError(`options.recordTime is not a date-time: ${recordTime}`);
  return canonical;
}

/** Normalises a single event (not inside a document). Throws EpcisValidationError listing every problem. */
export function normaliseEvent(input: unknown, options: NormaliseOptions): EpcisEvent {
  const ctx = createReaderContext(options);
  const event = readEvent(ctx, input, '', canonicalRecordTime(options.recordTime));
  ctx.problems.throwIfAny(EpcisErrorCode.InvalidEvent);
  if (event === undefined) throw new Error('unreachable: an event without problems was not built');
  return event;
}

/**
 * Reads one event at JSON Pointer `at`. Returns the canonical event when this event had no problems,
 * otherwise undefined (the problems are in ctx).
 */
export function readEvent(
  ctx: ReaderContext,
  input: unknown,
  at: string,
  recordTime: string | undefined,
): EpcisEvent | undefined {
  if (!isPlainObject(input)) {
    wrongType(ctx, at, 'an event object', input);
    return undefined;
  }
  const before = ctx.problems.count;
  const outer = ctx.namespaces;
  ctx.usedPrefixes = undefined;
  if ('@context' in input)
    ctx.namespaces = readContext(input['@context'], pointerTo(at, '@context'), ctx.problems, outer);
  try {
    const event = readFields(ctx, input, at);
    if (ctx.problems.count !== before || event === undefined) return undefined;
    return finish(ctx, event, recordTime);
  } finally {
    ctx.namespaces = outer;
  }
}

type Draft = Partial<EpcisEvent> & { extensions?: Record<string, unknown> };

function readFields(ctx: ReaderContext, input: Record<string, unknown>, at: string): Draft | undefined {
  const draft: Draft = {};
  const rawType = input['type'];
  let allowed = ALL_EVENT_FIELDS;
  if (isEventType(rawType)) {
    draft.type = rawType;
    allowed = FIELDS_BY_TYPE[rawType];
  } else if (rawType === undefined) {
    ctx.problems.add(EpcisProblemKind.Required, pointerTo(at, 'type'), 'type (the event type) is required');
  } else {
    ctx.problems.add(
      EpcisProblemKind.Vocabulary,
      pointerTo(at, 'type'),
      `unsupported event type ${quote(rawType)}; expected ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent`,
    );
  }
  for (const key in input) {
    if (ctx.problems.full) return undefined;
    const value = input[key];
    if (value === undefined) continue; // not expressible in JSON; treat a JS caller's undefined as absent
    if (!allowed.has(key)) {
      if (ALL_EVENT_FIELDS.has(key)) {
        ctx.problems.add(
          EpcisProblemKind.Forbidden,
          pointerTo(at, key),
          `${key} is not allowed on ${draft.type ?? 'this event'}`,
        );
      } else {
        draft.extensions = readExtensionField(
          ctx,
          draft.extensions,
          key,
          value,
          at,
          draft.type ?? 'an event',
        );
      }
      continue;
    }
    readField(ctx, draft, key, value, pointerTo(at, key));
  }
  checkEventRules(draft, input, at, ctx.problems);
  return draft;
}

function readField(ctx: ReaderContext, draft: Draft, key: string, value: unknown, at: string): void {
  switch (key) {
    case '@context':
    case 'type':
      return;
    case 'eventTime':
      draft.eventTime = readTimestamp(ctx, value, at);
      return;
    case 'eventTimeZoneOffset':
      draft.eventTimeZoneOffset = readTimeZoneOffset(ctx, value, at);
      return;
    case 'recordTime':
      draft.recordTime = readTimestamp(ctx, value, at);
      return;
    case 'eventID':
      draft.eventID = readUri(ctx, value, at);
      return;
    case 'certificationInfo':
      draft.certificationInfo = Array.isArray(value) ? readUriList(ctx, value, at) : readUri(ctx, value, at);
      return;
    case 'errorDeclaration':
      draft.errorDeclaration = readErrorDeclaration(ctx, value, at);
      return;
    case 'action':
      if (typeof value === 'string' && ACTIONS.has(value)) draft.action = value as EpcisAction;
      else
        ctx.problems.add(
          EpcisProblemKind.Vocabulary,
          at,
          `action must be ADD, OBSERVE or DELETE, got ${quote(value)}`,
        );
      return;
    case 'epcList':
    case 'childEPCs':
    case 'inputEPCList':
    case 'outputEPCList':
      draft[key] = readEpcList(ctx, value, at);
      return;
    case 'parentID':
      draft.parentID = readEpc(ctx, value, at);
      return;
    case 'quantityList':
    case 'childQuantityList':
    case 'inputQuantityList':
    case 'outputQuantityList':
      draft[key] = readQuantityList(ctx, value, at);
      return;
    case 'transformationID':
      draft.transformationID = readAnyUri(ctx, value, at);
      return;
    case 'bizStep':
      draft.bizStep = readVocabulary(ctx, 'bizStep', value, at);
      return;
    case 'disposition':
      draft.disposition = readVocabulary(ctx, 'disposition', value, at);
      return;
    case 'persistentDisposition':
      draft.persistentDisposition = readPersistentDisposition(ctx, value, at);
      return;
    case 'readPoint':
    case 'bizLocation': {
      const location = readLocation(ctx, value, at, key);
      if (location === undefined) return;
      draft[key] = location.id;
      if (location.extensions !== undefined) draft[`${key}Extensions`] = location.extensions;
      return;
    }
    case 'bizTransactionList':
      draft.bizTransactionList = readBizTransactionList(ctx, value, at);
      return;
    case 'sourceList':
      draft.sourceList = readSourceDestList(ctx, value, at, 'source');
      return;
    case 'destinationList':
      draft.destinationList = readSourceDestList(ctx, value, at, 'destination');
      return;
    case 'sensorElementList':
      draft.sensorElementList = readSensorElementList(ctx, value, at);
      return;
    case 'ilmd':
      draft.ilmd = readIlmd(ctx, value, at);
      return;
  }
}

/** Orders the canonical event's keys the same way for every event and sets eventHash / eventID. */
function finish(ctx: ReaderContext, d: Draft, recordTime: string | undefined): EpcisEvent | undefined {
  if (d.type === undefined || d.eventTime === undefined || d.eventTimeZoneOffset === undefined)
    return undefined;
  // Written out field by field (not a loop over names): one object shape for every event, which keeps the
  // capture path's property accesses monomorphic.
  const e: EpcisEvent = {
    type: d.type,
    eventID: '',
    eventHash: '',
    eventTime: d.eventTime,
    eventTimeZoneOffset: d.eventTimeZoneOffset,
  };
  const time = recordTime ?? d.recordTime;
  if (time !== undefined) e.recordTime = time;
  if (d.certificationInfo !== undefined) e.certificationInfo = d.certificationInfo;
  if (d.errorDeclaration !== undefined) e.errorDeclaration = d.errorDeclaration;
  if (d.epcList !== undefined) e.epcList = d.epcList;
  if (d.parentID !== undefined) e.parentID = d.parentID;
  if (d.childEPCs !== undefined) e.childEPCs = d.childEPCs;
  if (d.quantityList !== undefined) e.quantityList = d.quantityList;
  if (d.childQuantityList !== undefined) e.childQuantityList = d.childQuantityList;
  if (d.inputEPCList !== undefined) e.inputEPCList = d.inputEPCList;
  if (d.inputQuantityList !== undefined) e.inputQuantityList = d.inputQuantityList;
  if (d.outputEPCList !== undefined) e.outputEPCList = d.outputEPCList;
  if (d.outputQuantityList !== undefined) e.outputQuantityList = d.outputQuantityList;
  if (d.transformationID !== undefined) e.transformationID = d.transformationID;
  if (d.action !== undefined) e.action = d.action;
  if (d.bizStep !== undefined) e.bizStep = d.bizStep;
  if (d.disposition !== undefined) e.disposition = d.disposition;
  if (d.persistentDisposition !== undefined) e.persistentDisposition = d.persistentDisposition;
  if (d.readPoint !== undefined) e.readPoint = d.readPoint;
  if (d.readPointExtensions !== undefined) e.readPointExtensions = d.readPointExtensions;
  if (d.bizLocation !== undefined) e.bizLocation = d.bizLocation;
  if (d.bizLocationExtensions !== undefined) e.bizLocationExtensions = d.bizLocationExtensions;
  if (d.bizTransactionList !== undefined) e.bizTransactionList = d.bizTransactionList;
  if (d.sourceList !== undefined) e.sourceList = d.sourceList;
  if (d.destinationList !== undefined) e.destinationList = d.destinationList;
  if (d.sensorElementList !== undefined) e.sensorElementList = d.sensorElementList;
  if (d.ilmd !== undefined) e.ilmd = d.ilmd;
  if (d.extensions !== undefined) e.extensions = d.extensions;
  const namespaces = usedNamespaces(ctx);
  if (namespaces !== undefined) e.namespaces = namespaces;
  e.eventHash = computeEventHash(e);
  e.eventID = d.eventID ?? e.eventHash;
  return e;
}

function usedNamespaces(ctx: ReaderContext): Record<string, string> | undefined {
  if (ctx.usedPrefixes === undefined || ctx.namespaces === undefined) return undefined;
  const namespaces: Record<string, string> = {};
  for (const prefix of [...ctx.usedPrefixes].sort()) {
    const iri = lookupNamespace(ctx.namespaces, prefix);
    if (iri !== undefined) namespaces[prefix] = iri;
  }
  return namespaces;
}
