import { Field, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.type';
import { PostInterface } from './post.type';

/**
 * A thread as its opening post (same id); the values are PostEntity rows. Fields beyond
 * the post (space, locked, replyCount, lastActivityAt, replies) and the Post fields that
 * need the viewer are resolved in ThreadsResolver through the request's loaders.
 */
@ObjectType('Thread', { implements: () => [PostInterface] })
export class ThreadType {
  @Field()
  title!: string;
}

/** A reply; thread and inReplyTo are resolved in RepliesResolver. */
@ObjectType('Reply', { implements: () => [PostInterface] })
export class ReplyType {}

export const ThreadConnection = Connection(ThreadType, 'Thread');
export const ReplyConnection = Connection(ReplyType, 'Reply');
export const PostConnection = Connection(PostInterface, 'Post');
