import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { TransportConfig } from '../config/config';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Headers on every response. The web client will be served at / from this same origin, so
 * the policy allows this origin's scripts, styles, images and API calls and nothing else:
 * no inline script or style, no plugins, no framing (clickjacking), no form posts elsewhere.
 * HSTS only when TLS is known to reach the client (TRUST_PROXY_TLS): sent over plain HTTP on
 * a LAN it would lock browsers out of a server that has no certificate.
 */
export function securityHeaders(transport: Pick<TransportConfig, 'trustProxyTls'>): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    noSniff: true,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    strictTransportSecurity: transport.trustProxyTls ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
  };
}
