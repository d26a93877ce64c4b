import { aiLengthForPrefix, allAiDefinitions, getAiDefinition, knownAi } from './ai-table';

describe('AI table', () => {
  const all = allAiDefinitions();

  it('covers the full GS1 table, including all decimal and national AIs', () => {
    expect(all.length).toBeGreaterThan(450);
    for (const ai of [
      '00',
      '01',
      '02',
      '03',
      '10',
      '11',
      '17',
      '21',
      '22',
      '235',
      '253',
      '254',
      '255',
      '37',
    ]) {
      expect(getAiDefinition(ai)).toBeDefined();
    }
    for (const ai of [
      '3100',
      '3105',
      '3695',
      '3900',
      '3919',
      '3943',
      '3955',
      '4309',
      '7003',
      '7240',
      '8006',
      '8030',
      '8200',
    ]) {
      expect(getAiDefinition(ai)).toBeDefined();
    }
    for (const ai of ['710', '711', '712', '713', '714', '715', '716'])
      expect(getAiDefinition(ai)?.title).toMatch(/^NHRN /);
    expect(getAiDefinition('3106')).toBeUndefined();
    expect(getAiDefinition('14')).toBeUndefined();
    expect(getAiDefinition('3944')).toBeUndefined();
  });

  it('is prefix-free: the first two digits always give the AI length', () => {
    for (const def of all) expect(aiLengthForPrefix(Number(def.ai.slice(0, 2)))).toBe(def.ai.length);
    expect(aiLengthForPrefix(14)).toBe(0);
    expect(aiLengthForPrefix(23)).toBe(3);
    expect(aiLengthForPrefix(31)).toBe(4);
    expect(aiLengthForPrefix(71)).toBe(3);
    expect(aiLengthForPrefix(72)).toBe(4);
  });

  it('knows which AIs have a predefined length (no separator needed)', () => {
    const predefined = all.filter((d) => d.predefinedLength).map((d) => d.ai.slice(0, 2));
    const families = new Set(predefined);
    expect([...families].sort()).toEqual(
      [
        '00',
        '01',
        '02',
        '03',
        '11',
        '12',
        '13',
        '15',
        '16',
        '17',
        '20',
        '31',
        '32',
        '33',
        '34',
        '35',
        '36',
        '41',
      ].sort(),
    );
    // Fixed length is not the same as predefined: 7003 is always 10 digits yet needs a separator.
    expect(knownAi('7003')).toMatchObject({ fixedLength: true, predefinedLength: false, maxLength: 10 });
  });

  it.each([
    ['01', 14, 14, 'N', true],
    ['10', 1, 20, 'X', false],
    ['8010', 1, 30, 'Y', false],
    ['8030', 1, 90, 'Z', false],
    ['253', 13, 30, 'N', false],
  ])('AI %s is %i..%i characters, first component %s, fixed %s', (ai, min, max, charset, fixed) => {
    const def = knownAi(ai);
    expect([def.minLength, def.maxLength, def.components[0]?.charset, def.fixedLength]).toEqual([
      min,
      max,
      charset,
      fixed,
    ]);
  });

  it('records decimal places and currency prefixes', () => {
    expect(knownAi('3103').decimalPlaces).toBe(3);
    expect(knownAi('3920').decimalPlaces).toBe(0);
    expect(knownAi('3932')).toMatchObject({ decimalPlaces: 2, currencyPrefixed: true });
    expect(knownAi('17').decimalPlaces).toBeUndefined();
  });

  it('records Digital Link keys and qualifier order', () => {
    expect(knownAi('01').dlQualifierSequences).toEqual([['22', '10', '21'], ['235']]);
    expect(knownAi('414').dlQualifierSequences).toEqual([['254'], ['7040']]);
    expect(knownAi('00').dlQualifierSequences).toEqual([]);
    expect(knownAi('17').dlQualifierSequences).toBeUndefined();
    expect(knownAi('21').dlAttribute).toBe(false);
    expect(knownAi('17').dlAttribute).toBe(true);
  });

  it('shares one object shape across all definitions (monomorphic property access)', () => {
    const keys = new Set(all.map((d) => Object.keys(d).join(',')));
    expect(keys.size).toBe(1);
  });

  it('describes formats for error messages', () => {
    expect(knownAi('17').formatHint).toBe('6 digits (YYMMDD)');
    expect(knownAi('10').formatHint).toBe('1 to 20 characters');
    expect(knownAi('7003').formatHint).toBe('6 digits (YYMMDD) + 4 digits (HHMM)');
  });
});
