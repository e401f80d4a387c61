import { securityHeaderValues } from './security-headers';

describe('security headers', () => {
  it('are the policy helmet sets: same-origin only, no framing, no sniffing, no referrer', () => {
    const headers = securityHeaderValues({ trustProxyTls: false });
    expect(headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    );
    expect(headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS only when TLS is known to reach the client', () => {
    expect(securityHeaderValues({ trustProxyTls: true })['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
