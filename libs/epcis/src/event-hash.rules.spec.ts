import {
  canonicalPreHashString,
  computeEventHash,
  hashPreHashString,
  type HashableEvent,
} from './event-hash';

describe('event hash: rules', () => {
  const base: HashableEvent = {
    type: 'ObjectEvent',
    eventTime: '2024-03-20T09:05:00.000Z',
    eventTimeZoneOffset: '+01:00',
    epcList: ['urn:epc:id:sgtin:4012345.012345.7KQ2MX9P4T'],
    action: 'OBSERVE',
    bizStep: 'dispensing',
  };

  it('excludes eventID, recordTime and errorDeclaration', () => {
    const decorated = {
      ...base,
      eventID: 'urn:uuid:11111111-2222-3333-4444-555555555555',
      recordTime: '2024-03-20T09:06:00.000Z',
      errorDeclaration: { declarationTime: '2024-03-21T00:00:00.000Z', reason: 'did_not_occur' },
    };
    expect(computeEventHash(decorated)).toBe(computeEventHash(base));
  });

  it('writes numbers without trailing zeros and hashes 1 and 1.0 alike', () => {
    const quantity = (q: number): HashableEvent => ({
      ...base,
      epcList: undefined,
      quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.LOT1', quantity: q, uom: 'KGM' }],
    });
    expect(canonicalPreHashString(quantity(1.5))).toContain('quantity=1.5uom=KGM');
    expect(computeEventHash(quantity(Number('1.0')))).toBe(computeEventHash(quantity(1)));
  });

  it('sorts by code point (UTF-8 order), not by UTF-16 unit', () => {
    // U+FF21 (fullwidth A) < U+1F600 (emoji) in UTF-8; UTF-16 comparison would say the opposite.
    const event = { ...base, extensions: { 'ex:a': ['\u{1F600}', '\uFF21'] }, namespaces: { ex: 'urn:ex:' } };
    expect(canonicalPreHashString(event)).toMatch(/\{urn:ex:\}a=\uFF21\{urn:ex:\}a=\u{1F600}$/u);
  });

  it('writes the ni URI with the lowercase hex SHA-256 of the UTF-8 pre-hash string', () => {
    expect(hashPreHashString('abc')).toBe(
      'ni:///sha-256;ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad?ver=CBV2.0',
    );
  });
});
