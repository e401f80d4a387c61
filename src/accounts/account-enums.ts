import { registerEnumType } from '@nestjs/graphql';
import { Role } from '../common/auth/role';
import { enumOf } from '../common/vocabulary/enum-of';
import { Perspective } from './perspective';

/** GraphQL names and descriptions of the account enums; imported by every type that uses them. */
registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    PEER_SUPPORTER: { description: 'A verified group facilitator or counselor; shown as a badge.' },
  },
});

registerEnumType(Perspective, {
  name: 'Perspective',
  description: 'How a member relates to recovery; shown beside the pseudonym.',
});

export const DELETION_MODES = ['ERASE', 'ANONYMIZE'] as const;
export type DeletionMode = (typeof DELETION_MODES)[number];
export const DeletionMode = enumOf(DELETION_MODES);

registerEnumType(DeletionMode, {
  name: 'DeletionMode',
  valuesMap: {
    ERASE: { description: 'Remove the account and every post it wrote.' },
    ANONYMIZE: { description: 'Remove the account; its published posts stay, shown as written by a deleted member.' },
  },
});

export { Perspective };
