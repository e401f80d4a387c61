import { registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../../common/vocabulary/enum-of';

/** How a member wants posts with one content warning shown to them. */
export const WARNING_DISPLAYS = ['SHOW', 'COLLAPSE', 'HIDE'] as const;
export type WarningDisplay = (typeof WARNING_DISPLAYS)[number];
export const WarningDisplay = enumOf(WARNING_DISPLAYS);

registerEnumType(WarningDisplay, {
  name: 'WarningDisplay',
  description: 'How posts carrying a content warning are shown to the signed-in member who chose it.',
  valuesMap: {
    SHOW: { description: 'Shown as usual (behind the warning note).' },
    COLLAPSE: { description: 'Folded; the web client keeps it closed until opened.' },
    HIDE: { description: 'Left out of the feed, space pages, replies and search for this member.' },
  },
});
