/** The reports workstream's words (resource library, report answers, dosing pointer), spread into en.ts. */
export const reportsEn = {
  'nav.resources': 'Resources',
  'notification.REPORT_ANSWERED':
    'A moderator looked into a post you reported. “Your reports” on your account page says what became of it.',
  'notification.REPORT_ANSWERED.ACTED_ON':
    'A moderator reviewed a post you reported and acted on it. Thank you for looking out for others here.',
  'notification.REPORT_ANSWERED.LEFT_UP':
    'A moderator reviewed a post you reported and left it up. Thank you for speaking up; if something still worries you, you can report it again.',
  'notification.REPORT_ANSWERED.POST_GONE': 'A post you reported is no longer on Kindred. Thank you for telling us.',

  'resources.heading': 'Resources',
  'resources.intro':
    'Help you can trust, kept up to date by Kindred’s admins: medications for opioid use disorder, naloxone, test strips, treatment, family support and crisis lines.',
  'resources.emergency': 'If someone may be overdosing or is in danger right now, call 911.',
  'resources.empty': 'No resources here yet.',
  'resources.showAll': 'Show all topics',
  'resources.inEnglish': 'Not translated yet; shown in English.',
  'resources.website': 'Website',
  'resources.manage': 'Manage resources',
  'resources.topic.CRISIS': 'In a crisis',
  'resources.topic.MEDICATION': 'Medications for opioid use disorder (MOUD)',
  'resources.topic.PRESCRIBER_QUESTIONS': 'Questions to ask your prescriber',
  'resources.topic.NALOXONE': 'Naloxone and overdose response',
  'resources.topic.TEST_STRIPS': 'Fentanyl test strips',
  'resources.topic.TREATMENT': 'Finding treatment',
  'resources.topic.FAMILY_SUPPORT': 'For families and friends',

  'resourcesAdmin.heading': 'Manage resources',
  'resourcesAdmin.adminsOnly': 'Only admins can manage the resource library.',
  'resourcesAdmin.new': 'Add a resource',
  'resourcesAdmin.edit': 'Edit',
  'resourcesAdmin.save': 'Save',
  'resourcesAdmin.saved': 'Saved.',
  'resourcesAdmin.retire': 'Retire',
  'resourcesAdmin.restore': 'Show again',
  'resourcesAdmin.retired': 'Retired',
  'resourcesAdmin.moveUp': 'Move up',
  'resourcesAdmin.moveDown': 'Move down',
  'resourcesAdmin.topic': 'Topic',
  'resourcesAdmin.locale': 'Language',
  'resourcesAdmin.title': 'Title',
  'resourcesAdmin.body': 'Text (a line break starts a new paragraph or list item)',
  'resourcesAdmin.url': 'Link (https:// or http://, optional)',
  'resourcesAdmin.contact': 'Phone or contact (optional)',
  'resourcesAdmin.locale.EN': 'English',
  'resourcesAdmin.locale.ES': 'Spanish',

  'myReports.heading': 'Your reports',
  'myReports.intro':
    'What became of the posts you reported. To keep everyone’s privacy, we tell you only whether a moderator acted on a post, never details about the other member.',
  'myReports.empty': 'You have not reported any posts.',
  'myReports.reported': 'Reported for: {reason}',
  'myReports.status.SUBMITTED': 'Received: a moderator will look at it',
  'myReports.status.ACTED_ON': 'Reviewed: a moderator acted on it',
  'myReports.status.LEFT_UP': 'Reviewed and left up',
  'myReports.status.POST_GONE': 'The post is no longer on Kindred',
  'myReports.viewPost': 'View the post',
  'myReports.postGone': 'The post is no longer shown.',

  'dosing.heading': 'Questions about your medication',
  'dosing.intro':
    'We can’t share dosing advice here, because the right amount is different for every person and mistakes can be dangerous. Your prescriber or pharmacist can answer safely, and these pages can help:',
  'dosing.medication': 'Medications for opioid use disorder and where to get them',
  'dosing.questions': 'Questions to ask your prescriber',
} satisfies Record<string, string>;
