/**
 * CBV 2.0 and GS1 Web Vocabulary terms used in EPCIS 2.0 JSON, with their three spellings:
 * the bare JSON-LD short name (`shipping`), the Web URI (`https://ref.gs1.org/cbv/BizStep-shipping`)
 * and, for terms that existed before CBV 2.0, the URN (`urn:epcglobal:cbv:bizstep:shipping`).
 * Term lists follow the enumerations of the EPCIS 2.0 JSON schema (gs1/EPCIS, JSON-Schema/schemas).
 */
export type VocabularyKind =
  | 'bizStep'
  | 'disposition'
  | 'bizTransactionType'
  | 'sourceDestType'
  | 'errorReason'
  | 'measurementType'
  | 'sensorAlertType'
  | 'component';

interface Vocabulary {
  label: string;
  terms: ReadonlySet<string>;
  /** Web URI prefix the short name expands to (also used by the event hash). */
  webPrefix: string;
  /** CURIE spelling of the Web URI prefix, as the EPCIS JSON-LD context defines it. */
  curiePrefix: string;
  /** The pre-CBV 2.0 URN prefix, when the vocabulary has one. */
  urnPrefix?: string;
}

const CBV = 'https://ref.gs1.org/cbv/';
const GS1_VOC = 'https://gs1.org/voc/';

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

const VOCABULARIES: Record<VocabularyKind, Vocabulary> = {
  bizStep: {
    label: 'CBV business step',
    terms: words(`accepting arriving assembling collecting commissioning consigning creating_class_instance
      cycle_counting decommissioning departing destroying disassembling dispensing encoding entering_exiting
      holding inspecting installing killing loading other packing picking receiving removing repackaging
      repairing replacing reserving retail_selling sampling sensor_reporting shipping staging_outbound
      stock_taking stocking storing transporting unloading unpacking void_shipping`),
    webPrefix: `${CBV}BizStep-`,
    curiePrefix: 'cbv:BizStep-',
    urnPrefix: 'urn:epcglobal:cbv:bizstep:',
  },
  disposition: {
    label: 'CBV disposition',
    terms: words(`active available completeness_inferred completeness_verified conformant container_closed
      container_open damaged destroyed dispensed disposed encoded expired in_progress in_transit inactive
      mismatch_class mismatch_instance mismatch_quantity needs_replacement no_pedigree_match non_conformant
      non_sellable_other partially_dispensed recalled reserved retail_sold returned sellable_accessible
      sellable_not_accessible stolen unavailable unknown`),
    webPrefix: `${CBV}Disp-`,
    curiePrefix: 'cbv:Disp-',
    urnPrefix: 'urn:epcglobal:cbv:disp:',
  },
  bizTransactionType: {
    label: 'CBV business transaction type',
    terms: words('bol cert desadv inv pedigree po poc prodorder recadv rma testprd testres upevt'),
    webPrefix: `${CBV}BTT-`,
    curiePrefix: 'cbv:BTT-',
    urnPrefix: 'urn:epcglobal:cbv:btt:',
  },
  sourceDestType: {
    label: 'CBV source/destination type',
    terms: words('owning_party possessing_party location'),
    webPrefix: `${CBV}SDT-`,
    curiePrefix: 'cbv:SDT-',
    urnPrefix: 'urn:epcglobal:cbv:sdt:',
  },
  errorReason: {
    label: 'CBV error reason',
    terms: words('did_not_occur incorrect_data'),
    webPrefix: `${CBV}ER-`,
    curiePrefix: 'cbv:ER-',
    urnPrefix: 'urn:epcglobal:cbv:er:',
  },
  measurementType: {
    label: 'GS1 measurement type',
    terms: words(`AbsoluteHumidity AbsorbedDose AbsorbedDoseRate Acceleration Altitude AmountOfSubstance
      AmountOfSubstancePerUnitVolume Angle AngularAcceleration AngularMomentum AngularVelocity Area Capacitance
      Conductance Conductivity Count Density Dimensionless DoseEquivalent DoseEquivalentRate DynamicViscosity
      ElectricCharge ElectricCurrent ElectricCurrentDensity ElectricFieldStrength Energy Exposure Force
      Frequency Illuminance Inductance Irradiance KinematicViscosity Length LinearMomentum Luminance
      LuminousFlux LuminousIntensity MagneticFlux MagneticFluxDensity MagneticVectorPotential Mass
      MassConcentration MassFlowRate MassPerAreaTime MemoryCapacity MolalityOfSolute MolarEnergy MolarMass
      MolarVolume Power Pressure Radioactivity RadiantFlux RadiantIntensity RelativeHumidity Resistance
      Resistivity SolidAngle SpecificVolume Speed SurfaceDensity SurfaceTension Temperature Time Torque Voltage
      Volume VolumeFlowRate VolumeFraction VolumetricFlux Wavenumber`),
    webPrefix: GS1_VOC,
    curiePrefix: 'gs1:',
  },
  sensorAlertType: {
    label: 'GS1 sensor alert type',
    terms: words('ALARM_CONDITION ERROR_CONDITION'),
    webPrefix: GS1_VOC,
    curiePrefix: 'gs1:',
  },
  component: {
    label: 'CBV component',
    terms: words(`x y z axial_distance azimuth height spherical_radius polar_angle elevation_angle easting
      northing latitude longitude altitude`),
    webPrefix: `${CBV}Comp-`,
    curiePrefix: 'cbv:Comp-',
  },
};

export function isCbvTerm(kind: VocabularyKind, shortName: string): boolean {
  return VOCABULARIES[kind].terms.has(shortName);
}

export function vocabularyLabel(kind: VocabularyKind): string {
  return VOCABULARIES[kind].label;
}

/** The Web URI of a standard term (`shipping` → `https://ref.gs1.org/cbv/BizStep-shipping`). */
export function cbvWebUri(kind: VocabularyKind, shortName: string): string {
  return VOCABULARIES[kind].webPrefix + shortName;
}

/** Result of reading a vocabulary value: the canonical value, or why it is not acceptable. */
export type VocabularyResult = { ok: true; value: string } | { ok: false; reason: string };

const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]/;

/**
 * Canonical form of a vocabulary value per the model: the short name when it is a standard term (given
 * as short name, Web URI — http or https —, CURIE or old URN), else the URI as given (extensions).
 * A bare word that is not a standard term, or a standard-namespace URI naming no standard term, fails.
 */
export function normaliseVocabularyValue(kind: VocabularyKind, raw: string): VocabularyResult {
  const vocab = VOCABULARIES[kind];
  const value = raw.trim();
  if (vocab.terms.has(value)) return { ok: true, value };
  const inNamespace = stripKnownPrefix(vocab, value);
  if (inNamespace !== undefined) {
    if (vocab.terms.has(inNamespace)) return { ok: true, value: inNamespace };
    return { ok: false, reason: `${quote(value)} names no ${vocab.label} of the standard vocabulary` };
  }
  if (isReservedNamespace(kind, value)) {
    return { ok: false, reason: `${quote(value)} is in a GS1 namespace but is not a ${vocab.label}` };
  }
  if (URI_SCHEME.test(value)) return { ok: true, value };
  return {
    ok: false,
    reason: `${quote(value)} is not a ${vocab.label} (expected a standard term such as ${quote(firstTerm(vocab))} or an extension URI)`,
  };
}

function stripKnownPrefix(vocab: Vocabulary, value: string): string | undefined {
  const web = vocab.webPrefix;
  if (value.startsWith(web)) return value.slice(web.length);
  // The same Web URI over plain http, as some senders write it.
  const httpWeb = `http://${web.slice('https://'.length)}`;
  if (value.startsWith(httpWeb)) return value.slice(httpWeb.length);
  if (value.startsWith(vocab.curiePrefix)) return value.slice(vocab.curiePrefix.length);
  if (vocab.urnPrefix !== undefined && value.startsWith(vocab.urnPrefix)) {
    return value.slice(vocab.urnPrefix.length);
  }
  return undefined;
}

/**
 * URIs under the GS1 Web Vocabulary may not be used for sensor types/alerts other than the listed terms
 * (JSON schema `vocab-nonGS1WebVoc-uri`); CBV URNs of another vocabulary are a sender mistake.
 */
function isReservedNamespace(kind: VocabularyKind, value: string): boolean {
  if (kind === 'measurementType' || kind === 'sensorAlertType') {
    return /^https?:\/\/(www\.)?gs1\.org\/voc\//.test(value);
  }
  return value.startsWith('urn:epcglobal:cbv:');
}

function firstTerm(vocab: Vocabulary): string {
  for (const term of vocab.terms) return term;
  return '';
}

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

const ALL_URN_PREFIXES: ReadonlyArray<[string, string]> = Object.values(VOCABULARIES)
  .filter((v): v is Vocabulary & { urnPrefix: string } => v.urnPrefix !== undefined)
  .map((v) => [v.urnPrefix, v.webPrefix]);

/**
 * Event-hash rule: any URN-based standard vocabulary value (`urn:epcglobal:cbv:…`) anywhere in the event is
 * expressed as its CBV Web URI. Returns the value unchanged when it is no such URN.
 */
export function cbvUrnToWebUri(value: string): string {
  if (!value.startsWith('urn:epcglobal:cbv:')) return value;
  for (const [urn, web] of ALL_URN_PREFIXES) {
    if (value.startsWith(urn)) return web + value.slice(urn.length);
  }
  return value;
}
