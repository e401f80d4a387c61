/** The operations of progress, pathways and content preferences (issue 10). */

const MILESTONE = `days years reachedOn`;

export const MY_PROGRESS = `query MyProgress { me { id progress { totalDays currentStretchDays currentStretchStart comebacks comebackDates
  daysOnMedication milestonesReached { ${MILESTONE} } nextMilestone { ${MILESTONE} } } } }`;
export const RECORD_COMEBACK = `mutation RecordComeback($date: String!) { recordComeback(date: $date) { id } }`;
export const REMOVE_COMEBACK = `mutation RemoveComeback($date: String!) { removeComeback(date: $date) { id } }`;
export const SHARE_MILESTONE = `mutation ShareMilestone($input: ShareMilestoneInput!) { shareMilestone(input: $input) { id status } }`;
export const SET_CONTENT_PREFERENCE = `mutation SetContentPreference($warning: ContentWarning!, $display: WarningDisplay!) {
  setContentPreference(warning: $warning, display: $display) { warning display } }`;
