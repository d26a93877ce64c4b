import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const body = '{"type":"recall.issued"}';
  const header = signWebhook('s3cret-s3cret-s3cret', body, 1_700_000_000);

  it('signs timestamp and body with HMAC-SHA256', () => {
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, header, 1_700_000_100)).toBe(true);
  });

  it('rejects another secret, another body, a stale timestamp and garbage', () => {
    expect(verifyWebhookSignature('another-secret-xx', body, header, 1_700_000_000)).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', `${body} `, header, 1_700_000_000)).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, header, 1_700_001_000)).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, 'v1=zz', 1_700_000_000)).toBe(false);
    expect(verifyWebhookSignature('s3cret-s3cret-s3cret', body, undefined, 1_700_000_000)).toBe(false);
  });
});
