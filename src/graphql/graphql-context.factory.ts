import { Injectable } from '@nestjs/common';
import { AccountLoadersFactory } from '../accounts/account.loaders';
import { ClientKeyService } from '../accounts/client-key.service';
import { SessionsService } from '../accounts/sessions.service';
import type { GqlContext } from '../common/graphql/gql-context';
import { ForumLoadersFactory } from '../forum/forum.loaders';

/** Bearer token from an HTTP header or from graphql-ws connection params. */
export function bearerToken(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  return match ? match[1] : null;
}

/**
 * Builds the context of one request: who is asking (one session lookup) and a fresh set
 * of DataLoaders, so batching never leaks data between requests or viewers.
 */
@Injectable()
export class GraphqlContextFactory {
  constructor(
    private readonly sessions: SessionsService,
    private readonly accountLoaders: AccountLoadersFactory,
    private readonly forumLoaders: ForumLoadersFactory,
    private readonly clientKeys: ClientKeyService,
  ) {}

  /** `clientAddress` is Fastify's request.ip (TRUST_PROXY decides whether X-Forwarded-For counts); only its keyed hash is kept. */
  async create(authorization: unknown, clientAddress?: string | null): Promise<GqlContext> {
    const token = bearerToken(authorization);
    const viewer = token ? await this.sessions.viewerForToken(token) : null;
    return {
      viewer,
      clientKey: this.clientKeys.keyFor(clientAddress),
      loaders: {
        accounts: this.accountLoaders.create(viewer),
        forum: this.forumLoaders.create(viewer),
      },
    };
  }
}
