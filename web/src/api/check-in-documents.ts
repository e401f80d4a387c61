/** The daily check-in's operations (issue 10). */
const SCREENED = `screenedPost { id status screening { categories crisisResources { name contact description url } } }`;
const CHECK_IN_FIELDS = `id localDate mood moodWords intention note createdAt ${SCREENED} sharedReply { id status }`;

export const CHECK_IN = `mutation CheckIn($input: CheckInInput!) { checkIn(input: $input) { ${CHECK_IN_FIELDS} } }`;

export const CHECK_INS = `query CheckIns($after: String) { me { id checkIns(first: 20, after: $after) {
  edges { node { ${CHECK_IN_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`;

export const CHECK_IN_THREAD = `query CheckInThread { checkInThread { id } }`;
