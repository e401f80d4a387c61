import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import type { TransportConfig } from '../config/config';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Headers on every response. The web client will be served at / from this same origin, so
 * the policy allows this origin's scripts, styles, images and API calls and nothing else:
 * no inline script or style, no plugins, no framing (clickjacking), no form posts elsewhere.
 * HSTS only when TLS is known to reach the client (TRUST_PROXY_TLS): sent over plain HTTP on
 * a LAN it would lock browsers out of a server that has no certificate.
 */
export function securityHeaders(transport: Pick<TransportConfig, 'trustProxyTls'>): HelmetOptions {
  return {
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

/**
 * The headers helmet sets for these options, worked out once. Helmet rebuilds the same strings
 * (the policy parsed, each directive re-spelled) on every response, which on a cached read was
 * a tenth of the work; nothing in them depends on the request.
 */
export function securityHeaderValues(transport: Pick<TransportConfig, 'trustProxyTls'>): Record<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers.set(name.toLowerCase(), String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  helmet(securityHeaders(transport))({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.fromEntries(headers);
}

/** Sets the security headers on every response, errors and unknown routes included. */
export function applySecurityHeaders(fastify: FastifyInstance, transport: Pick<TransportConfig, 'trustProxyTls'>): void {
  const headers = securityHeaderValues(transport);
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
