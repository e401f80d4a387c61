import * as fs from 'node:fs';
import * as path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Paths the API owns; everything else without a file extension is a client route. */
const API_PATHS = ['/graphql', '/health'];

/**
 * Cache policy by file: content-hashed assets never change (a year, immutable); the page, the
 * service worker and the manifest must be asked for again every time, or a fix would wait
 * for caches to expire.
 */
export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? `public, max-age=${ONE_YEAR_SECONDS}, immutable` : 'no-cache';
}

/** Whether a GET should get the client's page: a client route, not the API and not a missing file. */
export function isClientRoute(urlPath: string): boolean {
  if (API_PATHS.some((prefix) => urlPath === prefix || urlPath.startsWith(`${prefix}/`))) return false;
  return path.posix.extname(urlPath) === '';
}

/**
 * Serves the built web client (dist/web, from `npm run build`) at / beside the API, from the
 * same origin, so the Content-Security-Policy can stay 'self' only. Files are served as built,
 * with the .br/.gz copies the build wrote when the browser accepts them; client routes
 * (/t/…, /join) get index.html, and the client renders the page.
 */
export async function serveWebClient(app: NestFastifyApplication, root: string, logger = new Logger('WebClient')): Promise<boolean> {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    logger.warn(`web client not built (no ${index}): the API runs without it; \`npm run build\` builds it`);
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, filePath: string) => {
      reply.header('cache-control', cacheControlFor(`/${path.relative(root, filePath).split(path.sep).join('/')}`));
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = request.url.split('?')[0];
    if (!isClientRoute(urlPath)) return reply.code(404).type('application/json').send({ statusCode: 404, message: 'Not Found' });
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
  fastify.get('/', page);
  fastify.get('/*', page);
  return true;
}
