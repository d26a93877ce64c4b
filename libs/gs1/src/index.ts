/**
 * @pharmatrace/gs1 — GS1 identifiers for track and trace: element strings, Digital Links, EPC URNs,
 * scanner input, serial numbers and pack labels. Pure: no I/O, no clock, no framework.
 */
export { Gs1Error, Gs1ErrorCode, isGs1Error } from './errors/gs1.error';
export { type AiValue, type Gs1Element, type Gs1Input } from './ai/gs1-element.types';
export { type AiDefinition, type AiComponent, type Charset } from './ai/ai-table.types';
export { getAiDefinition, allAiDefinitions } from './ai/ai-table';
export { computeCheckDigit, isValidCheckDigit } from './ai/check-digit';
export { DEFAULT_REFERENCE_YEAR } from './ai/gs1-date';
export { CSET82_CHARACTERS } from './ai/charset';

export {
  parseElementString,
  type ElementStringOptions,
  type ElementStringResult,
} from './element-string/element-string.parser';
export { toElementString, type ToElementStringOptions } from './element-string/element-string.formatter';
export { type SymbologyInfo } from './element-string/symbology';

export {
  parseDigitalLink,
  type DigitalLinkOptions,
  type DigitalLinkResult,
} from './digital-link/digital-link.parser';
export { toDigitalLink, type ToDigitalLinkOptions } from './digital-link/digital-link.formatter';
export { DEFAULT_DIGITAL_LINK_HOST } from './digital-link/digital-link.rules';

export {
  PrefixTable,
  DEFAULT_PREFIX_TABLE,
  type PrefixLengthRule,
  type PrefixTableConfig,
} from './epc/prefix-table';
export {
  sgtinUrn,
  ssccUrn,
  sglnUrn,
  pglnUrn,
  lgtinUrn,
  type CompanyPrefixSource,
} from './epc/epc-urn.formatter';
export { parseEpcUrn, type ParsedEpcUrn, type EpcUrnKind } from './epc/epc-urn.parser';

export { aisToEpcUrn, epcUrnToDigitalLink, digitalLinkToEpcUrn } from './convert/epc-convert';
export { anyIdentifierToEpcUrn } from './convert/any-identifier';

export { parseScan, type ParseScanOptions } from './scan/parse-scan';
export { type ScanResult, type NationalCode } from './scan/scan-result.types';

export {
  SerialGenerator,
  DEFAULT_SERIAL_ALPHABET,
  DEFAULT_SERIAL_LENGTH,
  EU_MAX_GUESS_PROBABILITY,
  type RandomBytes,
  type SerialGeneratorOptions,
} from './serial/serial-generator';

export { renderPackLabel } from './label/pack-label.renderer';
export { renderSsccLabel } from './label/sscc-label.renderer';
export {
  type LabelFormat,
  type LabelOptions,
  type PackLabelData,
  type PackLabelOptions,
  type SsccLabelData,
} from './label/label.types';
