import { VerificationError, VerificationErrorCode } from '../verification.error';
import { packQueryFromBody, packQueryFromFields, packQueryFromScan } from './pack-query';

const GTIN = '10614141073464';
const YEAR = 2026;

function failure(run: () => unknown): VerificationError {
  try {
    run();
  } catch (error) {
    if (error instanceof VerificationError) return error;
    throw error;
  }
  throw new Error('expected a VerificationError');
}

describe('pack queries from fields', () => {
  it('reads YYMMDD with the GS1 century rule and DD=00 as the last day, or an ISO date', () => {
    expect(packQueryFromFields({ gtin: GTIN, serial: 'P1', lot: 'L1', expiry: '280600' }, YEAR)).toEqual({
      gtin: GTIN,
      serial: 'P1',
      lot: 'L1',
      expiry: '2028-06-30',
    });
    expect(packQueryFromFields({ gtin: GTIN, serial: 'P1', expiry: '2028-02-29' }, YEAR).expiry).toBe(
      '2028-02-29',
    );
  });

  it('pads shorter GTINs to 14 digits', () => {
    expect(packQueryFromFields({ gtin: '0614141073467', serial: 'P1' }, YEAR).gtin).toBe('00614141073467');
  });

  it('reports every problem at once, each with its pointer', () => {
    const error = failure(() =>
      packQueryFromFields({ gtin: '10614141073465', serial: 'a b', expiry: '281340' }, YEAR),
    );
    expect(error.code).toBe(VerificationErrorCode.InvalidRequest);
    expect(error.options.details).toEqual([
      { pointer: '/gtin', reason: 'check digit of 10614141073465 is wrong' },
      { pointer: '/serial', reason: 'must be 1 to 20 GS1 AI-82 characters' },
      { pointer: '/expiry', reason: expect.stringMatching(/month 13/) },
    ]);
    expect(error.message).toMatch(/^gtin check digit .*; serial must be .*; expiry /);
  });

  it('requires the serial and names the fields as the caller knows them', () => {
    const error = failure(() =>
      packQueryFromFields({ gtin: GTIN, expiry: '2028-02-30' }, YEAR, {
        gtin: 'gtin',
        serial: 'ser',
        lot: 'lot',
        expiry: 'exp',
      }),
    );
    expect(error.options.details?.map((d) => d.pointer)).toEqual(['/ser', '/exp']);
  });
});

describe('pack queries from scans', () => {
  const raw = `]d201${GTIN}17280630` + '10LOT-3T\u001d21P0011';

  it.each([
    ['AIM identifier and GS', raw],
    ['no AIM identifier', raw.slice(3)],
    ['a {GS} stand-in', raw.replace('\u001d', '{GS}')],
    ['a Digital Link', `https://id.example.org/01/${GTIN}/10/LOT-3T/21/P0011?17=280630`],
  ])('reads %s', (_name, scan) => {
    expect(packQueryFromScan(scan, YEAR)).toEqual({
      gtin: GTIN,
      serial: 'P0011',
      lot: 'LOT-3T',
      expiry: '2028-06-30',
    });
  });

  it('says where and why a scan cannot be read', () => {
    const error = failure(() => packQueryFromScan(`]d201${GTIN.slice(0, 13)}9`, YEAR));
    expect(error.code).toBe(VerificationErrorCode.UnreadableScan);
    expect(error.message).toBe('unreadable scan at position 18: AI 01 check digit should be 4, got 9');
    expect(error.options.body).toEqual({
      position: 18,
      reason: 'AI 01 check digit should be 4, got 9',
      gs1Code: 'INVALID_CHECK_DIGIT',
    });
    expect(error.options.details).toEqual([
      { pointer: '/scan', reason: expect.stringMatching(/^position 18: /) },
    ]);
  });

  it.each([
    ['an empty scan', '', /scan is required/],
    ['a logistic label', '00106141410000000019', /SSCC/],
    ['a GTIN without serial', `01${GTIN}`, /no serial number/],
    ['something else', 'hello', /position 0: /],
  ])('refuses %s', (_name, scan, message) => {
    expect(failure(() => packQueryFromScan(scan, YEAR)).message).toMatch(message);
  });

  it('takes a body with a scan or with fields, pointing into bulk entries', () => {
    expect(packQueryFromBody({ scan: raw }, YEAR).serial).toBe('P0011');
    expect(packQueryFromBody({ gtin: GTIN, serial: 'P2' }, YEAR)).toEqual({ gtin: GTIN, serial: 'P2' });
    expect(failure(() => packQueryFromBody({ gtin: GTIN }, YEAR, '/packs/3')).options.details).toEqual([
      { pointer: '/packs/3/serial', reason: 'is required' },
    ]);
    expect(
      failure(() => packQueryFromBody({ scan: 'x' }, YEAR, '/packs/4')).options.details?.[0]?.pointer,
    ).toBe('/packs/4/scan');
    expect(failure(() => packQueryFromBody(null, YEAR)).code).toBe(VerificationErrorCode.InvalidRequest);
  });
});
