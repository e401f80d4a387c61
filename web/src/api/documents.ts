/** The operations the client sends, in one place so each selection is written once. */

const MEMBER = `id pseudonym perspective role daysInRecovery`;
const REACTIONS = `reactions { kind count viewerReacted }`;
const SCREENING = `screening { outcome categories reasons suggestions { term suggestion explanation start end } crisisResources { name contact description url } resourceTopics screenedAt }`;
const POST_FIELDS = `id body status contentWarnings createdAt publishedAt editedAt viewerIsAuthor author { ${MEMBER} } ${REACTIONS}`;

export const THREAD_SUMMARY = `id title body status contentWarnings lastActivityAt publishedAt replyCount locked
  author { ${MEMBER} } space { id slug name } ${REACTIONS}`;

export const ME = `query Me { me { id recoveryStartDate shareRecoveryDays suspendedUntil member { ${MEMBER} }
  timeZone medicationStartDate pathways contentPreferences { warning display }
  notifications(first: 1, unreadOnly: true) { unreadCount } } }`;

export const SPACES = `query Spaces { spaces { id slug name description threadCount } }`;

export const FEED = `query Feed($first: Int!, $after: String, $spaceSlug: String, $pathway: Pathway) {
  threads(first: $first, after: $after, spaceSlug: $spaceSlug, pathway: $pathway) { edges { node { ${THREAD_SUMMARY} } } pageInfo { hasNextPage endCursor } } }`;

export const SPACE = `query Space($slug: String!) { space(slug: $slug) { id slug name description threadCount muted } }`;

export const REPLY_FIELDS = `${POST_FIELDS} ${SCREENING} bookmarked inReplyTo { id author { pseudonym } }`;

export const THREAD = `query Thread($id: ID!, $after: String) { thread(id: $id) {
  ${POST_FIELDS} ${SCREENING} title locked replyCount lastActivityAt space { id slug name muted } following muted bookmarked
  replies(first: 50, after: $after) { edges { node { ${REPLY_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`;

export const THREAD_REPLIES = `query ThreadReplies($id: ID!, $after: String) { thread(id: $id) { id
  replies(first: 50, after: $after) { edges { node { ${REPLY_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`;

export const SEARCH = `query Search($query: String!, $after: String) { search(query: $query, first: 20, after: $after) {
  edges { node { id body contentWarnings publishedAt author { ${MEMBER} }
    ... on Thread { title replyCount space { slug name } }
    ... on Reply { thread { id title } } } }
  pageInfo { hasNextPage endCursor } } }`;

export const SCREEN_DRAFT = `query ScreenDraft($body: String!) { screenDraft(body: $body) {
  outcome categories reasons suggestions { term suggestion explanation start end } crisisResources { name contact description url } } }`;

export const START_THREAD = `mutation StartThread($input: StartThreadInput!) { startThread(input: $input) { id status } }`;
export const REPLY = `mutation Reply($input: ReplyInput!) { reply(input: $input) { id status } }`;
export const EDIT_POST = `mutation EditPost($input: EditPostInput!) { editPost(input: $input) { id status } }`;
export const WITHDRAW_POST = `mutation Withdraw($id: ID!) { withdrawPost(id: $id) { id status } }`;
export const REACT = `mutation React($input: ReactInput!) { react(input: $input) { id ${REACTIONS} } }`;
export const UNREACT = `mutation Unreact($input: ReactInput!) { unreact(input: $input) { id ${REACTIONS} } }`;
export const REPORT = `mutation Report($input: ReportInput!) { report(input: $input) }`;

export const PSEUDONYM_SUGGESTIONS = `query Suggestions { pseudonymSuggestions(count: 4) }`;
export const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { recoveryCodes account { id } } }`;
export const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { account { id } } }`;
export const RECOVER = `mutation Recover($input: RecoverAccountInput!) { recoverAccount(input: $input) { recoveryCodes account { id } } }`;
export const UPDATE_PROFILE = `mutation UpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
export const CHANGE_PASSPHRASE = `mutation ChangePassphrase($input: ChangePassphraseInput!) { changePassphrase(input: $input) }`;
export const DELETE_ACCOUNT = `mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
export const MY_DATA = `query MyData { myData { fileName json } }`;

export const NOTIFICATIONS = `query Notifications($after: String) { me { id notifications(first: 20, after: $after) {
  unreadCount edges { node { id kind message createdAt read reportStatus post { id ... on Thread { title } ... on Reply { thread { id title following } } } } }
  pageInfo { hasNextPage endCursor } } } }`;
export const MARK_READ = `mutation MarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;

export const MY_POSTS = `query MyPosts($after: String) { me { id posts(first: 20, after: $after) {
  edges { node { id body status createdAt ... on Thread { title } ... on Reply { thread { id title } } } }
  pageInfo { hasNextPage endCursor } } } }`;
