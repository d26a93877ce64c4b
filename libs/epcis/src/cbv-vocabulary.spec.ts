import { cbvUrnToWebUri, cbvWebUri, normaliseVocabularyValue } from './cbv-vocabulary';

describe('CBV vocabulary', () => {
  it.each([
    ['bizStep', 'shipping', 'shipping'],
    ['bizStep', 'https://ref.gs1.org/cbv/BizStep-shipping', 'shipping'],
    ['bizStep', 'http://ref.gs1.org/cbv/BizStep-shipping', 'shipping'],
    ['bizStep', 'cbv:BizStep-shipping', 'shipping'],
    ['bizStep', 'urn:epcglobal:cbv:bizstep:shipping', 'shipping'],
    [
      'bizStep',
      'https://pharma.example.com/bizstep/cold_check',
      'https://pharma.example.com/bizstep/cold_check',
    ],
    ['disposition', 'urn:epcglobal:cbv:disp:in_transit', 'in_transit'],
    ['bizTransactionType', 'urn:epcglobal:cbv:btt:desadv', 'desadv'],
    ['sourceDestType', 'https://ref.gs1.org/cbv/SDT-owning_party', 'owning_party'],
    ['errorReason', 'urn:epcglobal:cbv:er:did_not_occur', 'did_not_occur'],
    ['measurementType', 'gs1:Temperature', 'Temperature'],
    ['measurementType', 'https://gs1.org/voc/Temperature', 'Temperature'],
    ['sensorAlertType', 'ALARM_CONDITION', 'ALARM_CONDITION'],
    ['component', 'cbv:Comp-latitude', 'latitude'],
  ] as const)('%s %s → %s', (kind, input, expected) => {
    expect(normaliseVocabularyValue(kind, input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['bizStep', 'Shipping', /not a CBV business step/],
    ['bizStep', 'urn:epcglobal:cbv:bizstep:flying', /names no CBV business step/],
    ['bizStep', 'urn:epcglobal:cbv:disp:in_transit', /GS1 namespace/],
    ['disposition', 'lost', /not a CBV disposition/],
    ['measurementType', 'https://gs1.org/voc/Colour', /names no GS1 measurement type/],
    ['measurementType', 'https://www.gs1.org/voc/Colour', /GS1 namespace/],
  ] as const)('%s rejects %s', (kind, input, reason) => {
    const result = normaliseVocabularyValue(kind, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('expands for the event hash', () => {
    expect(cbvWebUri('disposition', 'in_transit')).toBe('https://ref.gs1.org/cbv/Disp-in_transit');
    expect(cbvUrnToWebUri('urn:epcglobal:cbv:btt:po')).toBe('https://ref.gs1.org/cbv/BTT-po');
    expect(cbvUrnToWebUri('urn:epcglobal:cbv:bt:0614141000005:PO-1')).toBe(
      'urn:epcglobal:cbv:bt:0614141000005:PO-1',
    );
  });
});
