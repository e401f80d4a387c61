/** Follow, bookmark, mute and block (issue 10): the client's operations, beside documents.ts. */

export const FOLLOW_THREAD = `mutation FollowThread($id: ID!) { followThread(threadId: $id) { id following } }`;
export const UNFOLLOW_THREAD = `mutation UnfollowThread($id: ID!) { unfollowThread(threadId: $id) }`;
export const BOOKMARK_POST = `mutation BookmarkPost($id: ID!) { bookmarkPost(postId: $id) { id bookmarked } }`;
export const UNBOOKMARK_POST = `mutation UnbookmarkPost($id: ID!) { unbookmarkPost(postId: $id) }`;
export const MUTE_THREAD = `mutation MuteThread($id: ID!) { muteThread(threadId: $id) { id muted } }`;
export const UNMUTE_THREAD = `mutation UnmuteThread($id: ID!) { unmuteThread(threadId: $id) }`;
export const MUTE_SPACE = `mutation MuteSpace($id: ID!) { muteSpace(spaceId: $id) { id muted } }`;
export const UNMUTE_SPACE = `mutation UnmuteSpace($id: ID!) { unmuteSpace(spaceId: $id) }`;
export const BLOCK_MEMBER = `mutation BlockMember($id: ID!) { blockMember(memberId: $id) }`;
export const UNBLOCK_MEMBER = `mutation UnblockMember($id: ID!) { unblockMember(memberId: $id) }`;

export const BOOKMARKS = `query Bookmarks($after: String) { me { id bookmarks(first: 20, after: $after) {
  edges { node { id body publishedAt ... on Thread { title } ... on Reply { thread { id title } } } }
  pageInfo { hasNextPage endCursor } } } }`;

export const BLOCKED_MEMBERS = `query BlockedMembers { me { id blockedMembers { id pseudonym } } }`;
