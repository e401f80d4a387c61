import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MyReportStatus } from './report-answers';
import { ReportReason } from './report-rules';

registerEnumType(MyReportStatus, {
  name: 'MyReportStatus',
  description: "What became of a member's report, in the plain terms the reporter is told.",
  valuesMap: {
    SUBMITTED: { description: 'Received; a moderator has not closed it yet.' },
    ACTED_ON: { description: 'A moderator reviewed the post and acted on it.' },
    LEFT_UP: { description: 'A moderator reviewed the post and left it up.' },
    POST_GONE: { description: 'The post left Kindred before a moderator had to decide.' },
  },
});

/** One of the viewer's own reports. Nothing about the other member, the decision's details or moderators' notes. */
@ObjectType('MyReport')
export class MyReportType {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportReason)
  reason!: ReportReason;

  @Field(() => String, { nullable: true, description: 'The note the reporter wrote, if any.' })
  note!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => MyReportStatus)
  status!: MyReportStatus;

  @Field({ description: 'The status in plain words.' })
  statusMessage!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the reporter was told the outcome.' })
  answeredAt!: Date | null;

  /** Resolved by MyReportsResolver.post: null unless the viewer may still see the post. */
  postId!: string;
}
