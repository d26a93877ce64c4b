import { parseRejection, RecordRejectedError } from './record-rejection';

describe('record rejections', () => {
  const rejection = {
    index: 3,
    recordId: 'h#urn:epc:id:sgtin:0614141.107346.1]x',
    code: 'NOT_CUSTODIAN' as const,
    reason: 'no',
  };

  it('survive whatever the peer and the gateway wrap around the message', () => {
    const error = new RecordRejectedError(rejection);
    expect(error.message).toMatch(/^record 3 \(h#urn.*\) rejected: NOT_CUSTODIAN: no \[PTC-REJECTED:/);
    expect(parseRejection(`10 ABORTED: chaincode response 500, ${error.message} (peer0)`)).toEqual(rejection);
  });

  it('are absent from other messages', () => {
    expect(parseRejection('14 UNAVAILABLE: connection refused')).toBeUndefined();
    expect(parseRejection('[PTC-REJECTED:not-base64-json]')).toBeUndefined();
  });
});
