import { Field, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.type';
import { PostInterface } from './post.type';

/**
 * A thread as its opening post (same id); the values are PostEntity rows. Fields beyond
 * the post (space, locked, replyCount, lastActivityAt, replies) are resolved in
 * ThreadsResolver through the request's loaders; the Post fields that need the viewer, on
 * the interface in PostFields.
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
