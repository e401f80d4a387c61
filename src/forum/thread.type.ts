import { Field, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.type';
import { PostInterface } from './post.type';
import { PublicContent } from '../common/graphql/cache-hints';

/**
 * A thread as its opening post (same id); the values are PostEntity rows. Fields beyond
 * the post (space, locked, replyCount, lastActivityAt, replies) are resolved in
 * ThreadsResolver through the request's loaders; the Post fields that need the viewer, on
 * the interface in PostFields.
 */
@PublicContent()
@ObjectType('Thread', { implements: () => [PostInterface] })
export class ThreadType {
  @Field()
  title!: string;
}

/** A reply; thread and inReplyTo are resolved in RepliesResolver. */
@PublicContent()
@ObjectType('Reply', { implements: () => [PostInterface] })
export class ReplyType {}

export const ThreadConnection = Connection(ThreadType, 'Thread');
export const ReplyConnection = Connection(ReplyType, 'Reply');
export const PostConnection = Connection(PostInterface, 'Post');
