/**
 * The baseline: a bare node:http server answering with fixed bytes, the ceiling any Node
 * server sending the same responses could reach on this machine.
 * Usage: node static-server.js RESPONSES.json  (an object of path -> { contentType, body }).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticResponse {
  contentType: string;
  body: string;
}

const responses = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Record<string, StaticResponse>;
const prepared = new Map(Object.entries(responses).map(([path, r]) => [path, { type: r.contentType, body: Buffer.from(r.body) }]));
const server = http.createServer((request, response) => {
  // Read the request body, as any server answering a POST must.
  request.on('data', () => undefined);
  request.on('end', () => {
    const found = prepared.get(request.url ?? '');
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': found.type, 'content-length': found.body.length });
    response.end(found.body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on ${(server.address() as AddressInfo).port}\n`));
