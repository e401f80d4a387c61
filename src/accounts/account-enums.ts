import { registerEnumType } from '@nestjs/graphql';
import { Perspective, Role } from './account.entity';

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

export enum DeletionMode {
  ERASE = 'ERASE',
  ANONYMIZE = 'ANONYMIZE',
}

registerEnumType(DeletionMode, {
  name: 'DeletionMode',
  valuesMap: {
    ERASE: { description: 'Remove the account and every post it wrote.' },
    ANONYMIZE: { description: 'Remove the account; its published posts stay, shown as written by a deleted member.' },
  },
});

export { Perspective, Role };
