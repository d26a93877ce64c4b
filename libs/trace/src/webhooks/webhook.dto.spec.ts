import { TraceError } from '../trace.error';
import { parseWebhookRegistration, webhookUrlProblems } from './webhook.dto';

describe('webhook registration', () => {
  it('accepts absolute http and https URLs only', () => {
    expect(webhookUrlProblems('https://erp.example.com/hooks')).toBeUndefined();
    expect(webhookUrlProblems('http://127.0.0.1:8080/x')).toBeUndefined();
    expect(webhookUrlProblems('ftp://example.com/x')).toMatch(/http or https/);
    expect(webhookUrlProblems('file:///etc/passwd')).toMatch(/http or https/);
    expect(webhookUrlProblems('javascript:alert(1)')).toMatch(/http or https/);
    expect(webhookUrlProblems('/relative')).toMatch(/absolute/);
    expect(webhookUrlProblems('https://user:pw@example.com/')).toMatch(/credentials/);
    expect(webhookUrlProblems('https://example.com/#x')).toMatch(/fragment/);
    expect(webhookUrlProblems(`https://example.com/${'a'.repeat(2048)}`)).toMatch(/at most/);
    expect(webhookUrlProblems(42)).toMatch(/URL/);
  });

  it('keeps a given secret and generates one otherwise', () => {
    expect(parseWebhookRegistration({ url: 'https://a.example/x', secret: 'sixteen-chars-ok' })).toEqual({
      url: 'https://a.example/x',
      secret: 'sixteen-chars-ok',
      generated: false,
    });
    const generated = parseWebhookRegistration({ url: 'https://a.example/x' }, (n) => Buffer.alloc(n, 1));
    expect(generated.generated).toBe(true);
    expect(generated.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(() => parseWebhookRegistration({ url: 'https://a.example/x', secret: 'short' })).toThrow(
      TraceError,
    );
    expect(() => parseWebhookRegistration('nope')).toThrow(TraceError);
  });
});
