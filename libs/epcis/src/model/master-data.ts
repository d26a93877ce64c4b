/**
 * Master data carried in an EPCISDocument header (`epcisHeader.epcisMasterData.vocabularyList`), e.g.
 * location names for SGLNs or product attributes for GTIN classes. Element ids and children are EPC URNs
 * when they are GS1 identifiers (normalised like event identifiers); attributes are kept verbatim.
 */
export interface MasterDataAttribute {
  id: string;
  attribute?: unknown;
}

export interface MasterDataElement {
  id: string;
  attributes?: MasterDataAttribute[];
  children?: string[];
}

export interface MasterDataVocabulary {
  /** The vocabulary type URI, e.g. `urn:epcglobal:epcis:vtype:BusinessLocation`. */
  type: string;
  vocabularyElementList?: MasterDataElement[];
}
