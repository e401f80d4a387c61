/**
 * Made-up forum text for load testing: a small grammar of recovery-forum phrasing in four
 * voices (people early in recovery, long-time members, family and friends, peer supporters).
 * Every sentence here was written for this file; none is a real person's post. The words
 * are kept clear of what screening holds (no names, numbers, places, doses or sourcing), so
 * a generated post is one the real pipeline would publish. Pure: no clock, no I/O.
 */
import type { ContentWarning } from '../../forum/post-status';
import type { SeedRandom } from './seed-random';

export const VOICES = ['EARLY_RECOVERY', 'LONG_TIMER', 'FAMILY', 'SUPPORTER'] as const;
export type Voice = (typeof VOICES)[number];

/** What a thread is about; each seeded space has one (see topicOfSpace). */
export const TOPICS = [
  'introductions',
  'story',
  'milestones',
  'cravings',
  'medication',
  'family',
  'twelve-step',
  'secular',
  'support',
] as const;
export type Topic = (typeof TOPICS)[number];

const SLOTS: Record<string, readonly string[]> = {
  span: [
    'three weeks',
    'forty days',
    'two months',
    'ninety days',
    'five months',
    'almost a year',
    'eight months',
    'six weeks',
    'ten days',
    'a little over a month',
  ],
  years: ['four years', 'six years', 'nine years', 'eleven years', 'fifteen years', 'twenty years', 'seven years', 'a dozen years'],
  time: [
    'this morning',
    'last night',
    'on Sunday',
    'after work today',
    'over the weekend',
    'yesterday afternoon',
    'early today',
    'this week',
  ],
  person: ['my son', 'my daughter', 'my husband', 'my wife', 'my brother', 'my sister', 'my mom', 'my dad', 'my partner', 'my best friend'],
  practice: [
    'going to a meeting',
    'calling someone from the group',
    'a long walk',
    'writing in my journal',
    'the breathing exercise my counselor showed me',
    'cooking a real dinner',
    'getting outside before noon',
    'texting my sponsor',
    'cold water on my face and a slow count to ten',
    'playing guitar badly but loudly',
  ],
  feeling: ['tired', 'hopeful', 'restless', 'proud', 'scared', 'raw', 'grateful', 'worn out', 'steadier', 'lonely', 'relieved'],
  thing: ['the dishes', 'a full night of sleep', 'a phone call to my aunt', 'a job interview', 'paying a bill on time', 'a dentist visit'],
  helper: ['my counselor', 'my sponsor', 'the clinic nurse', 'my doctor', 'my peer mentor', 'the group facilitator', 'my therapist'],
};

const TOPIC_TITLES: Record<Topic, readonly string[]> = {
  introductions: [
    'New here, hello everyone',
    'First post, been reading for a while',
    'Hi from a {feeling} newcomer',
    'Finally saying hello',
    'Introducing myself, {span} in',
    'Not sure where to start, so hi',
  ],
  story: [
    'Where I was and where I am now',
    'My story, the short version',
    'Writing it down for the first time',
    'How I got here',
    'The long road back',
    'A story about {thing}',
  ],
  milestones: [
    '{span} today',
    'Made it to {span}',
    'Small win: {thing}',
    '{years} and still learning',
    'Celebrating quietly today',
    'A milestone I did not expect to reach',
  ],
  cravings: [
    'Rough night, made it through',
    'What gets you through the evenings?',
    'Cravings at the {time} mark',
    'The urge came back {time}',
    'Riding the wave',
    'Weekends are the hardest for me',
  ],
  medication: [
    'Questions before my next clinic visit',
    'Talking with {helper} about my medication plan',
    'Feeling judged for being on medication',
    'Medication is part of my recovery',
    'Tapering conversations with {helper}',
    'What I wish people knew about treatment',
  ],
  family: [
    'How do I support {person}?',
    'Learning to take care of myself too',
    '{person} has been in treatment for {span}',
    'Setting boundaries with love',
    'For the parents here',
    'I do not know what to say anymore',
  ],
  'twelve-step': [
    'Working step four',
    'Finding a home group',
    'My sponsor said something that stuck',
    'Service work helped me today',
    'Meetings online or in person?',
    'Step work and patience',
  ],
  secular: [
    'SMART tools that actually help me',
    'Recovery without a higher power',
    'Cost-benefit analysis, again',
    'Secular meetings near me went online',
    'Urge surfing works, slowly',
    'A different path, same destination',
  ],
  support: [
    'Where do I even start looking for help?',
    'Peer support changed things for me',
    'Harm reduction and recovery can go together',
    'Finding a counselor who gets it',
    'What to expect at an intake appointment',
    'Waiting lists are hard',
  ],
};

/** A few sentences per topic, in the first person, that any voice may use. */
const TOPIC_LINES: Record<Topic, readonly string[]> = {
  introductions: [
    'I have been reading here quietly for a while and finally made an account.',
    'I am not great at this kind of thing, so bear with me.',
    'Mostly I wanted to say hello and that this place already helped.',
  ],
  story: [
    'For a long time I told myself I had it under control.',
    'The turning point was not dramatic, it was a Tuesday and I was just tired of it.',
    'I lost a lot of trust and I am earning it back one day at a time.',
  ],
  milestones: [
    'Nobody at work knows, so I am telling you all instead.',
    'I bought myself a small cake and ate it standing in the kitchen.',
    'Some days I count hours, today I am counting months.',
  ],
  cravings: [
    'The evenings are when it gets loud in my head.',
    'I made a list for the hard evenings, and this time I read it.',
    'It passed, the way it always does when I give it time.',
  ],
  medication: [
    'Being on medication does not make my recovery count for less.',
    'I keep my questions in a notebook for the next clinic visit.',
    'It took a while to find what works, and I am glad I kept asking.',
  ],
  family: [
    'I keep wondering what I could have done differently.',
    'I am learning that I cannot fix this for anyone, only support.',
    'Some days I am angry and some days I am just scared.',
  ],
  'twelve-step': [
    'My home group has become the steadiest part of my week.',
    'The steps are slow, and that is probably the point.',
    'I made coffee for the meeting and somehow that helped me more than anyone.',
  ],
  secular: [
    'The tools make sense to my brain in a way other things did not.',
    'I wrote out the costs and benefits again and the answer was the same.',
    'I like that nobody tells me there is only one way to do this.',
  ],
  support: [
    'The first phone call was the hardest part.',
    'I did not know peer support was even a thing until recently.',
    'It helps to have someone who has been there walk next to you.',
  ],
};

interface VoiceGrammar {
  openers: readonly string[];
  lines: readonly string[];
  closers: readonly string[];
  replyOpeners: readonly string[];
  replyLines: readonly string[];
  replyClosers: readonly string[];
  /** Sentences that warrant a content warning on the post that carries them. */
  heavy: ReadonlyArray<{ text: string; warning: ContentWarning }>;
}

const GRAMMAR: Record<Voice, VoiceGrammar> = {
  EARLY_RECOVERY: {
    openers: [
      'So I am at {span} now and honestly it still feels strange to say.',
      'Hey all, I am {span} into this and I wanted to check in.',
      'I almost did not post this but here goes.',
      'Woke up {feeling} {time} and figured I would write instead of stew.',
      'Still pretty new, around {span}, and still figuring out how days work.',
    ],
    lines: [
      'My sleep is finally starting to come back, a little more each week.',
      'Food tastes like food again, which nobody warned me about.',
      'I keep a list on my phone of reasons, and I read it when my head gets loud.',
      '{practice} got me through the worst of it {time}.',
      'I told {helper} the truth about how I was doing, and the world did not end.',
      'Some mornings I feel {feeling} and some mornings I feel {feeling}, sometimes both before lunch.',
      'I did {thing} today, which sounds small but I had been avoiding it for months.',
      'The fog is lifting slowly and I can remember conversations again.',
      'I am trying to be patient with myself, which is harder than it sounds.',
      'My body is still catching up, everything aches some days.',
    ],
    closers: [
      'Anyway, thanks for reading. Just needed to say it somewhere.',
      'Going to bed early tonight. One more day done.',
      'If you are new too, you are not alone in this.',
      'Thanks for being here, really.',
      'Any advice for the next stretch is welcome.',
    ],
    replyOpeners: [
      'This could have been written by me a few weeks ago.',
      'Thank you for posting this, I needed it today.',
      'I am right around there too.',
      'Same boat, friend.',
    ],
    replyLines: [
      'What helped me was {practice}, even when I did not feel like it.',
      'The nights get easier, I promise, it just takes longer than we want.',
      'I am {span} in and I still have days like that.',
      'I wrote your words down because they fit me too.',
    ],
    replyClosers: ['Rooting for you.', 'One day at a time, right?', 'Keep posting, we are listening.', 'Sending strength.'],
    heavy: [
      {
        text: 'I lost my footing last month after {span} and I was ashamed to come back here, but I am back.',
        warning: 'RELAPSE',
      },
      { text: 'Going back to using for a few days is not the end of my story, it is one page of it.', warning: 'RELAPSE' },
    ],
  },
  LONG_TIMER: {
    openers: [
      'I have been around this place a while, and around recovery for {years}.',
      'Old-timer here, {years} this spring.',
      'Every so often I like to write something for the newer folks.',
      'After {years} I still learn something new most weeks.',
    ],
    lines: [
      'What I remember most about the early days is how long the afternoons felt.',
      'Recovery did not give me a perfect life, it gave me a life I can show up for.',
      'I still call my sponsor, even now, even when nothing is wrong.',
      'The people who stuck around were the ones who kept doing the simple things.',
      'Service is what keeps me honest these days.',
      'I have watched a lot of people come through here and every path looked a little different.',
      'Gratitude used to sound like a slogan to me; now it is more like a habit.',
      'The hard feelings still come, they just do not run the show anymore.',
      'Back then I could not picture a single good year, and now I have a stack of them.',
    ],
    closers: [
      'Keep coming back. It works if you keep at it.',
      'If it helps anyone to hear, it does get better, slowly and then all at once.',
      'Glad you are all here.',
      'My inbox is always open for the people in their first year.',
    ],
    replyOpeners: [
      'Welcome, and well done for reaching out.',
      'I remember that stretch well.',
      'This is worth saying out loud, thank you.',
      'Congratulations, that is no small thing.',
    ],
    replyLines: [
      'In my first year I leaned on {practice} more than anything else.',
      'Be gentle with yourself, the early months are a lot.',
      'What you are describing is normal, and it does pass.',
      'After {years} I can tell you the hard days get further apart.',
    ],
    replyClosers: ['Proud of you.', 'Keep coming back.', 'Glad you are here.', 'You are doing the work, and it shows.'],
    heavy: [
      {
        text: 'We lost a friend from my home group a few years back, and I still think of her at every meeting.',
        warning: 'LOSS',
      },
    ],
  },
  FAMILY: {
    openers: [
      '{person} has been in recovery for {span} and I am trying to learn how to help.',
      'I am here as a parent, and I do not really know what I am doing.',
      'My family has been through a lot this year and I needed somewhere to put it.',
      'I love {person} more than anything, and I am exhausted.',
    ],
    lines: [
      'I keep a naloxone kit in the kitchen drawer now, just in case, and I learned how to use it.',
      'Our family counselor told me to take care of myself too, and I am trying.',
      'I went to a family support group {time} and cried through most of it.',
      'Some days I feel {feeling}, some days I feel like I am holding my breath.',
      'We talked for an hour {time} without arguing, which felt like a small miracle.',
      'I am learning the difference between helping and rescuing.',
      'The hardest part is waiting and not knowing.',
      'I have stopped telling everyone at church, it was too much explaining.',
      'I read everything I can find, but nothing prepares you for the phone calls.',
    ],
    closers: [
      'Thank you to every parent and partner here who has posted before me.',
      'If anyone has been through this, I would love to hear what helped.',
      'Here is to a quieter week.',
      'Writing this helped a little, so thank you for reading.',
    ],
    replyOpeners: [
      'Another parent here, sending you a hug.',
      'I could have written this about {person}.',
      'You are not alone, so many of us have sat where you are sitting.',
      'Thank you for sharing this, it helps the rest of us feel less alone.',
    ],
    replyLines: [
      'The family group at our clinic was a lifeline for me.',
      'Taking care of yourself is not selfish, it is part of helping.',
      'Boundaries felt cruel at first and then they felt like love.',
      'It took me a long time to stop blaming myself.',
    ],
    replyClosers: ['Thinking of your family.', 'Take care of you, too.', 'We are here.', 'Holding hope with you.'],
    heavy: [
      {
        text: 'Last year we almost lost {person}, and I still jump every time the phone rings at night.',
        warning: 'TRAUMA',
      },
    ],
  },
  SUPPORTER: {
    openers: [
      'I work as a peer supporter and wanted to share something from this week.',
      'Speaking as someone who walks alongside people in recovery:',
      'A gentle reminder for anyone reading this {time}.',
      'I volunteer with a recovery community center and wanted to pass this along.',
    ],
    lines: [
      'There is no wrong door into recovery, whatever door you found is the right one.',
      'Medication, meetings, counseling, faith, secular tools: they all count.',
      'Asking for help is a skill, and like any skill it gets easier with practice.',
      'Many community centers offer free peer support, no appointment needed.',
      'Harm reduction keeps people alive long enough to find their way to recovery.',
      'Person-first language matters, it reminds us that people are more than their struggles.',
      'If a waiting list is long, ask what support is available while you wait.',
      'Recovery is not a straight line, and setbacks are part of many stories.',
    ],
    closers: [
      'Take what helps and leave the rest.',
      'Wishing everyone here a steady week.',
      'Happy to answer questions if I can.',
      'Everyone here deserves support, whatever the path looks like.',
    ],
    replyOpeners: ['Thank you for trusting us with this.', 'That is a really good question.', 'What a thoughtful post.', 'I hear you.'],
    replyLines: [
      'A peer support line or a recovery community center might be a good next step.',
      'It is worth asking {helper} directly, they hear these questions every day.',
      'Many people find that {practice} helps on the hard days.',
      'Whatever you decide, it is your recovery and your choice.',
    ],
    replyClosers: ['Take care.', 'Wishing you well.', 'You have support here.', 'Be well.'],
    heavy: [],
  },
};

export interface GeneratedPost {
  title: string | null;
  body: string;
  contentWarnings: ContentWarning[];
}

function fill(template: string, random: SeedRandom): string {
  return template.replace(/\{(\w+)\}/g, (whole, slot: string) => {
    const choices = SLOTS[slot];
    return choices ? random.pick(choices) : whole;
  });
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How many middle sentences: mostly a few, sometimes one, now and then a long post in paragraphs. */
function sentenceCount(random: SeedRandom, reply: boolean): number {
  const shape = random.weighted(reply ? [50, 40, 10] : [25, 50, 25]);
  if (shape === 0) return random.between(0, 1);
  if (shape === 1) return random.between(2, 4);
  return random.between(6, 14);
}

/** Sentences into paragraphs of two to four, as people write longer posts. */
function paragraphs(sentences: string[], random: SeedRandom): string {
  if (sentences.length <= 4) return sentences.join(' ');
  const out: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const size = random.between(2, 4);
    out.push(sentences.slice(i, i + size).join(' '));
    i += size;
  }
  return out.join('\n\n');
}

function middle(random: SeedRandom, lines: readonly string[], topicLines: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(capitalized(fill(random.chance(0.25) ? random.pick(topicLines) : random.pick(lines), random)));
  return out;
}

/** A thread's opening post in `voice`, about `topic`. */
export function openingPost(voice: Voice, topic: Topic, random: SeedRandom): GeneratedPost {
  const grammar = GRAMMAR[voice];
  const sentences = [capitalized(fill(random.pick(grammar.openers), random))];
  const contentWarnings: ContentWarning[] = [];
  if (grammar.heavy.length > 0 && random.chance(0.06)) {
    const heavy = random.pick(grammar.heavy);
    sentences.push(fill(heavy.text, random));
    contentWarnings.push(heavy.warning);
  }
  sentences.push(...middle(random, grammar.lines, TOPIC_LINES[topic], sentenceCount(random, false)));
  if (random.chance(0.8)) sentences.push(fill(random.pick(grammar.closers), random));
  return { title: capitalized(fill(random.pick(TOPIC_TITLES[topic]), random)), body: paragraphs(sentences, random), contentWarnings };
}

/** A reply in `voice` to a thread about `topic`. */
export function replyPost(voice: Voice, topic: Topic, random: SeedRandom): GeneratedPost {
  const grammar = GRAMMAR[voice];
  const sentences: string[] = [];
  if (random.chance(0.85)) sentences.push(capitalized(fill(random.pick(grammar.replyOpeners), random)));
  const count = sentenceCount(random, true);
  for (let i = 0; i < count; i++) {
    const pool = random.chance(0.6) ? grammar.replyLines : random.chance(0.7) ? grammar.lines : TOPIC_LINES[topic];
    sentences.push(capitalized(fill(random.pick(pool), random)));
  }
  if (sentences.length === 0 || random.chance(0.6)) sentences.push(fill(random.pick(grammar.replyClosers), random));
  return { title: null, body: paragraphs(sentences, random), contentWarnings: [] };
}

/** The topic of a space by its slug (the spaces of migration SeedSpaces); other spaces get a general mix. */
export function topicOfSpace(slug: string): Topic | null {
  const bySlug: Record<string, Topic> = {
    introductions: 'introductions',
    'sharing-my-story': 'story',
    milestones: 'milestones',
    'cravings-coping': 'cravings',
    'medication-for-oud': 'medication',
    'family-and-friends': 'family',
    'twelve-step': 'twelve-step',
    'secular-smart': 'secular',
    'finding-support': 'support',
  };
  return bySlug[slug] ?? null;
}
