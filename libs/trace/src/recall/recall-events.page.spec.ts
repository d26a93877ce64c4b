import { TraceError } from '../trace.error';
import { decodeCursor, encodeCursor, FIRST_PAGE, parsePerPage } from './recall-events.page';

describe('recall events paging', () => {
  it('round-trips cursors, bound to their recall', () => {
    const cursor = { phase: 'packs' as const, lot: 'L1', serial: 'P0100' };
    expect(decodeCursor('r1', encodeCursor('r1', cursor))).toEqual(cursor);
    const containers = { phase: 'containers' as const, epc: 'urn:epc:id:sscc:0614141.1000000001' };
    expect(decodeCursor('r1', encodeCursor('r1', containers))).toEqual(containers);
    expect(decodeCursor('r1', undefined)).toEqual(FIRST_PAGE);
    expect(() => decodeCursor('r2', encodeCursor('r1', cursor))).toThrow(TraceError);
    expect(() => decodeCursor('r1', 'not-a-token')).toThrow(TraceError);
  });

  it('bounds perPage', () => {
    expect(parsePerPage(undefined)).toBe(200);
    expect(parsePerPage('5')).toBe(5);
    for (const bad of ['0', '2001', '1.5', 'x']) expect(() => parsePerPage(bad)).toThrow(TraceError);
  });
});
