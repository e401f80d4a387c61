/**
 * The words of follow, bookmarks, mute and block (issue 10), spread into en.ts. Plain and
 * calm: blocking and muting are ways to take care of yourself, never accusations.
 */
export const connectionEn = {
  'connection.follow': 'Follow this story',
  'connection.following': 'Following',
  'connection.followHint': 'You will get a notification when someone replies here.',
  'connection.unfollow': 'Stop following',
  'connection.unfollowed': 'You no longer follow this story.',
  'connection.bookmark': 'Bookmark',
  'connection.bookmarked': 'Bookmarked',
  'connection.muteThread': 'Mute this story',
  'connection.unmuteThread': 'Unmute this story',
  'connection.threadMuted': 'You muted this story: it stays out of your feed and sends you no notifications.',
  'connection.muteSpace': 'Mute this space',
  'connection.unmuteSpace': 'Unmute this space',
  'connection.spaceMuted': 'You muted this space: its stories stay out of your feed and send you no notifications.',
  'connection.block': 'Block {pseudonym}',
  'connection.blockConfirm':
    'Block {pseudonym}? You will not see each other’s posts or replies, and neither of you will be notified about the other. They are not told. You can unblock them from your account page.',
  'connection.blockedHeading': 'Members you blocked',
  'connection.blockedIntro': 'You and these members do not see each other’s posts. They were not told.',
  'connection.blockedEmpty': 'You have not blocked anyone.',
  'connection.unblock': 'Unblock {pseudonym}',
  'connection.saved.heading': 'Saved',
  'connection.saved.bookmarks': 'Bookmarks',
  'connection.saved.bookmarksIntro': 'Posts you bookmarked, on any device you sign in on. A post that is removed leaves this list.',
  'connection.saved.bookmarksEmpty': 'No bookmarks yet. Choose "Bookmark" on a story or a reply to keep it here.',
  'connection.saved.replyIn': 'Reply in {title}',
  'connection.saved.remove': 'Remove bookmark',
  'notification.FOLLOWED_THREAD_REPLY': 'There is a new reply in a story you follow:',
} satisfies Record<string, string>;
