import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: undefined }], c: undefined } })).toBe(
      '{"a":{"d":[{"z":1}]},"b":1}',
    );
  });

  it('gives equal bytes for equal values built in different orders', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });
});
