import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { PostEntity } from '../forum/post.entity';
import type { ScreeningCategory } from '../screening/engine/vocabulary';
import { ModerationCaseEntity } from './moderation-case.entity';
import type { ExampleKind, LabeledDecision } from './decision-label';

/**
 * A moderator's decision kept as a training example for screening (decision-label.ts): which
 * post, which case, the decision and the categories it says the post has. No copy of the text:
 * the export reads it from the post, so an example lives no longer than the post's words. The
 * post is the key, so a later decision on a post replaces the earlier one; deleting the post
 * deletes the example, and erasing a withdrawn post's words deletes it too (the eraser does).
 */
@Entity('decision_example')
@Check('decision_example_decision_check', `decision IN ('APPROVE', 'REJECT', 'REMOVE')`)
@Check('decision_example_kind_check', `kind IN ('FALSE_HOLD', 'CONFIRMED_HOLD', 'MISS', 'CONFIRMED_PUBLISH')`)
@Index('decision_example_case_id_idx', ['caseId'])
export class DecisionExampleEntity {
  @PrimaryColumn({ type: 'uuid' })
  postId!: string;

  @OneToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'decision_example_post_id_fkey' })
  post?: Relation<PostEntity>;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => ModerationCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'decision_example_case_id_fkey' })
  moderationCase?: Relation<ModerationCaseEntity>;

  @Column({ type: 'text' })
  decision!: LabeledDecision;

  @Column({ type: 'text' })
  kind!: ExampleKind;

  /** The policy categories the post has; empty: it should be published. */
  @Column({ type: 'text', array: true })
  categories!: ScreeningCategory[];

  /** The post revision the moderator read: an edit since then makes the label stale, and the export skips it. */
  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'timestamptz' })
  decidedAt!: Date;
}
