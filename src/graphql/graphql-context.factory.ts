import { Injectable } from '@nestjs/common';
import { AccountLoadersFactory } from '../accounts/account.loaders';
import { ClientKeyService } from '../accounts/client-key.service';
import { SessionsService } from '../accounts/sessions.service';
import type { Viewer } from '../common/auth/viewer';
import type { GqlContext } from '../common/graphql/gql-context';
import { ForumLoadersFactory } from '../forum/forum.loaders';

/** Bearer token from an HTTP header or from graphql-ws connection params. */
export function bearerToken(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  return match ? match[1] : null;
}

/** What a transport knows about one operation's sender; add fields here, not parameters. */
export interface ContextRequest {
  /** The Authorization header (HTTP) or connection param (graphql-ws), unchecked. */
  authorization: unknown;
  /** The sender's address (TRUST_PROXY decides whether X-Forwarded-For counts); only its keyed hash is kept. */
  clientAddress?: string | null;
}

/**
 * Builds the context of one operation: who is asking (one session lookup, so a sign-out,
 * ban, suspension or role change shows on the next operation, sockets included) and a
 * fresh set of DataLoaders, so batching never leaks data between operations or viewers.
 */
@Injectable()
export class GraphqlContextFactory {
  constructor(
    private readonly sessions: SessionsService,
    private readonly accountLoaders: AccountLoadersFactory,
    private readonly forumLoaders: ForumLoadersFactory,
    private readonly clientKeys: ClientKeyService,
  ) {}

  async create(request: ContextRequest): Promise<GqlContext> {
    const token = bearerToken(request.authorization);
    const viewer = token ? await this.sessions.viewerForToken(token) : null;
    return this.forViewer(viewer, this.clientKeys.keyFor(request.clientAddress));
  }

  /**
   * A new context object with new loaders for a viewer already resolved: each event of a
   * subscription is resolved with it, so nothing cached for an earlier event (a post's
   * status, a case's reasons) is served for a later one. A new object rather than a copy,
   * because domains keep their own loaders on the context object itself.
   */
  forViewer(viewer: Viewer | null, clientKey: string | null = null): GqlContext {
    return {
      viewer,
      clientKey,
      loaders: {
        accounts: this.accountLoaders.create(viewer),
        forum: this.forumLoaders.create(viewer),
      },
    };
  }
}
