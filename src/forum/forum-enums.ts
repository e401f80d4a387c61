import { registerEnumType } from '@nestjs/graphql';
import { ContentWarning, PostStatus } from './post-status';
import { ReactionKind } from './reaction-kind';

/** The forum's GraphQL enums, registered once, with the contract's names and descriptions. */
registerEnumType(PostStatus, {
  name: 'ContentStatus',
  valuesMap: {
    PENDING: { description: 'Waiting for automated screening; visible to its author only.' },
    HELD: { description: 'Held for a moderator.' },
    NEEDS_CHANGES: { description: 'A moderator asked the author for changes.' },
    REMOVED: { description: 'Taken down after publication, or withdrawn by its author.' },
  },
});

registerEnumType(ContentWarning, { name: 'ContentWarning' });

registerEnumType(ReactionKind, {
  name: 'ReactionKind',
  valuesMap: {
    SUPPORT: { description: 'Sending strength.' },
    RELATE: { description: 'Me too.' },
    GRATEFUL: { description: 'Thank you for sharing.' },
  },
});

export { ContentWarning, PostStatus, ReactionKind };
