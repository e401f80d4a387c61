import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { MemberType } from '../accounts/member.type';
import { ScreeningFeedbackType } from '../screening/graphql/screening-feedback.type';
import './forum-enums';
import { ContentWarning, PostKind, PostStatus } from './post-status';
import type { PostEntity } from './post.entity';
import { ReactionCountType } from './reaction-count.type';
import { PublicContent } from '../common/graphql/cache-hints';

/**
 * The contract's `Post` interface. Its values are PostEntity rows; the kind column says
 * whether a row is a thread's opening post or a reply.
 */
@PublicContent()
@InterfaceType('Post', {
  description: "A thread's opening post or a reply.",
  resolveType: (post: Pick<PostEntity, 'kind'>) => (post.kind === PostKind.THREAD ? 'Thread' : 'Reply'),
})
export class PostInterface {
  @Field(() => ID)
  id!: string;

  @Field()
  body!: string;

  @Field(() => MemberType, { nullable: true, description: 'Null where the author deleted their account (mode ANONYMIZE).' })
  author!: MemberType | null;

  @Field(() => PostStatus)
  status!: PostStatus;

  @Field(() => [ContentWarning])
  contentWarnings!: ContentWarning[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  editedAt!: Date | null;

  @Field(() => [ReactionCountType])
  reactions!: ReactionCountType[];

  @Field(() => ScreeningFeedbackType, { nullable: true })
  screening!: ScreeningFeedbackType | null;

  @Field()
  viewerIsAuthor!: boolean;
}
