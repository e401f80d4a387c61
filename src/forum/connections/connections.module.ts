import { Module } from '@nestjs/common';
import { ForumCoreModule } from '../forum-core.module';
import { ConnectionLoadersFactory } from './connection.loaders';
import { ConnectionsResolver, PostConnectionFields, SpaceConnectionFields, ThreadConnectionFields } from './connections.resolver';
import { ConnectionsService } from './connections.service';

/** Follow, bookmark, mute and block over GraphQL (issue 10); the loaders serve the GraphQL context. */
@Module({
  imports: [ForumCoreModule],
  providers: [
    ConnectionsService,
    ConnectionLoadersFactory,
    ConnectionsResolver,
    ThreadConnectionFields,
    SpaceConnectionFields,
    PostConnectionFields,
  ],
  exports: [ConnectionLoadersFactory],
})
export class ConnectionsModule {}
