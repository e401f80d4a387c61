import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  DocumentNode,
  ExecutionArgs,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import WebSocket, { WebSocketServer } from 'ws';
import { formatGraphQLError } from '../common/errors/format-error';
import type { GqlContext } from '../common/graphql/gql-context';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { subscribeWithFreshContext } from './fresh-context-subscribe';
import { GraphqlContextFactory } from './graphql-context.factory';
import { operationLimits, OperationLimits, operationRules } from './operation-rules';
import { queryCostError } from './query-cost';
import { isAllowedSocketOrigin } from './ws-origin';

export const GRAPHQL_PATH = '/graphql';

const SUGGESTION = / ?Did you mean(.+?)\?$/;

function badInput(error: GraphQLError, suggestions: boolean): GraphQLError {
  const message = suggestions ? error.message : error.message.replace(SUGGESTION, '');
  return new GraphQLError(message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
}

/**
 * The socket's sender for per-client limits: its peer address, or with TRUST_PROXY the first
 * X-Forwarded-For entry (as Fastify's request.ip reads it on HTTP).
 */
export function socketClientAddress(request: IncomingMessage | undefined, trustProxy: boolean): string | null {
  if (!request) return null;
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  if (trustProxy && first) return first;
  return request.socket.remoteAddress ?? null;
}

function refuseUpgrade(socket: Duplex, status: 403 | 404, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * ws has already closed a socket that sent an oversized message (1009) when it emits the error;
 * graphql-ws would then print the error's stack to stderr for every such message, which lets
 * anyone flood the logs. One warning line through the app's logger instead.
 */
function quietOnOversizedMessages(socket: WebSocket, logger: Logger): void {
  const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    const error = args[0] as { code?: unknown } | undefined;
    if (event === 'error' && error instanceof RangeError && error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      logger.warn('socket closed: a message was over WS_MAX_PAYLOAD_BYTES');
      return true;
    }
    return emit(event, ...args);
  }) as typeof socket.emit;
}

/**
 * graphql-ws at /graphql, built here rather than by the Nest driver, which offers no say over
 * the socket server (message size, Origin) nor over how an operation is checked. Every
 * operation on a socket passes the same checks as one over HTTP (token, depth, alias,
 * directive and cost limits, one account call, introspection and suggestion settings), is
 * run with a context made for it (the session re-read, fresh loaders), and each event of a
 * subscription is resolved with fresh loaders.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('GraphqlWs');
  private readonly limits: OperationLimits;
  private readonly rules: readonly ValidationRule[];
  private httpServer: Server | null = null;
  private wss: WebSocketServer | null = null;
  private dispose: (() => Promise<void>) | null = null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly contexts: GraphqlContextFactory,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {
    this.limits = operationLimits(config);
    this.rules = [
      ...specifiedRules,
      ...operationRules(this.limits),
      ...(this.limits.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ];
  }

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!httpServer) return;
    // ws closes a socket whose message is over maxPayload (1009) without buffering the rest.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.config.transport.wsMaxPayloadBytes });
    const disposable = useServer(this.serverOptions(), this.wss);
    this.dispose = async () => {
      await disposable.dispose();
    };
    this.httpServer = httpServer;
    httpServer.on('upgrade', this.onUpgrade);
  }

  async onModuleDestroy(): Promise<void> {
    this.httpServer?.removeListener('upgrade', this.onUpgrade);
    await this.dispose?.();
    this.dispose = null;
  }

  /** Refused before the handshake completes: the wrong path, or a browser page from another origin. */
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const wss = this.wss;
    if (!wss) return refuseUpgrade(socket, 404, 'Not Found');
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== GRAPHQL_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!isAllowedSocketOrigin(request.headers.origin, request.headers.host, this.config.transport.allowedOrigins)) {
      this.logger.debug('socket refused: origin not allowed');
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      quietOnOversizedMessages(ws, this.logger);
      wss.emit('connection', ws, request);
    });
  };

  private serverOptions(): ServerOptions<Record<string, unknown> | undefined> {
    return {
      schema: () => this.schemaHost.schema,
      // Per operation: the session is looked up again, so a sign-out, ban, suspension or role
      // change made after the socket opened applies to its next operation.
      context: (ctx) => {
        const params = ctx.connectionParams ?? {};
        const request = (ctx.extra as { request?: IncomingMessage } | undefined)?.request;
        return this.contexts.create({
          authorization: params.Authorization ?? params.authorization,
          clientAddress: socketClientAddress(request, this.config.accountAbuse.trustProxy),
          // A browser cannot set headers on a socket: its page sends the session cookie's CSRF
          // value as a connection param instead (the upgrade carried the cookie itself).
          cookieHeader: request?.headers.cookie,
          csrfToken: params.csrfToken,
        });
      },
      onSubscribe: (_ctx, _id, payload) => this.checkedArgs(payload.query, payload.operationName ?? null, payload.variables ?? null),
      subscribe: (args: ExecutionArgs) =>
        subscribeWithFreshContext<GqlContext>(args, (operation) => this.contexts.forViewer(operation.viewer)),
      // graphql-ws does not run Apollo's formatError: the same codes and masking as HTTP.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatGraphQLError(error.toJSON(), error)),
    };
  }

  /** Parse, validate and size one operation exactly as HTTP does; errors or the arguments to run it with. */
  private checkedArgs(
    query: string,
    operationName: string | null,
    variables: Record<string, unknown> | null,
  ): readonly GraphQLError[] | ExecutionArgs {
    const schema = this.schemaHost.schema;
    let document: DocumentNode;
    try {
      document = new MaxTokensParserWLexer(query, { n: this.limits.tokensMax }).parseDocument();
    } catch (error) {
      return [
        badInput(
          error instanceof GraphQLError ? error : new GraphQLError('Syntax Error: the query could not be read.'),
          this.limits.suggestions,
        ),
      ];
    }
    const invalid = validate(schema, document, this.rules);
    if (invalid.length > 0) return invalid.map((error) => badInput(error, this.limits.suggestions));
    if (!getOperationAST(document, operationName)) return [badInput(new GraphQLError('Unable to identify the operation to run.'), true)];
    const tooCostly = queryCostError({ schema, document, operationName, variables, max: this.limits.costMax });
    if (tooCostly) return [tooCostly];
    return { schema, document, operationName, variableValues: variables };
  }
}
