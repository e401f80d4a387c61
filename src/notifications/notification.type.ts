import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoType } from '../common/pagination/connection.type';
import { NotificationKind } from './notification-kind';

registerEnumType(NotificationKind, { name: 'NotificationKind' });

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field({ description: 'Plain words for the member.' })
  message!: string;

  /** Resolved by NotificationsResolver.post (null where the viewer may not see it). */
  postId!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field()
  read!: boolean;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeType {
  @Field()
  cursor!: string;

  @Field(() => NotificationType)
  node!: NotificationType;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionType {
  @Field(() => [NotificationEdgeType])
  edges!: NotificationEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int)
  unreadCount!: number;
}
