/** Moderator operations; only the moderation pages (a separate chunk) import them. */

const CASE_SUMMARY = `id priority status reportCount createdAt claimExpiresAt claimedBy { id pseudonym }
  reasons { category severity source }
  post { id status ... on Thread { title } ... on Reply { thread { id title } } }`;

export const QUEUE = `query Queue($status: CaseStatus, $after: String, $windowHours: Int) {
  moderationQueue(status: $status, first: 50, after: $after) { edges { node { ${CASE_SUMMARY} } } pageInfo { hasNextPage endCursor } }
  moderationStats(windowHours: $windowHours) {
    open urgentOpen oldestOpenAt medianSecondsToDecision
    byPriority { priority waiting claimed medianSecondsToClaim p90SecondsToClaim decided medianSecondsToDecision p90SecondsToDecision }
  } }`;

export const CASE_CHANGED = `subscription CaseChanged { moderationCaseChanged { id priority status } }`;

export const CASE = `query Case($id: ID!) { moderationCase(id: $id) {
  id priority status reportCount createdAt resolvedAt decision claimExpiresAt
  claimedBy { id pseudonym }
  author { id pseudonym perspective role joinedMonth }
  authorCases(first: 10) { id priority status decision createdAt reasons { category } }
  reasons { category severity source detail excerpt start end createdAt revision }
  history { id action note internalNote createdAt moderator { pseudonym } }
  post { id body status contentWarnings createdAt ... on Thread { title locked } ... on Reply { thread { id title locked } } } } }`;

export const CLAIM = `mutation Claim($id: ID!) { claimCase(id: $id) { id status } }`;
export const RELEASE = `mutation Release($id: ID!) { releaseCase(id: $id) { id status } }`;
export const RESOLVE = `mutation Resolve($input: ResolveCaseInput!) { resolveCase(input: $input) { id status decision } }`;
export const SANCTION = `mutation Sanction($input: SanctionInput!) { sanctionMember(input: $input) }`;
export const LOCK = `mutation Lock($id: ID!, $locked: Boolean!) { setThreadLocked(id: $id, locked: $locked) { id locked } }`;
