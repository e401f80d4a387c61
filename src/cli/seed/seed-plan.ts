/**
 * The shape of a seeded forum, decided before a row is written: members (pseudonyms, voices),
 * threads (space, how many replies: most a few, some hundreds, one exactly LONG_THREAD_REPLIES),
 * every post's thread, author and times over about two years, and reactions. Pure and
 * deterministic for a seed; kept in typed arrays so a million posts fit in little memory.
 */
import { ADJECTIVES, NATURE_NOUNS, pseudonymKey } from '../../accounts/pseudonym-generator';
import type { Perspective } from '../../accounts/perspective';
import { REACTION_KINDS, ReactionKind } from '../../forum/reaction-kind';
import { SeedRandom } from './seed-random';
import { Topic, topicOfSpace, Voice, VOICES } from './seed-text';

/** The thread the scale benchmark reads a long reply list from (when there are posts enough). */
export const LONG_THREAD_REPLIES = 500;
export const LONG_THREAD_TITLE = 'Daily check-in: one day at a time';

const DAY_MS = 24 * 3600 * 1000;
/** Posts spread over about two years before `now`. */
export const SPAN_DAYS = 730;
/** One member per this many posts (at least MIN_MEMBERS). */
const POSTS_PER_MEMBER = 40;
const MIN_MEMBERS = 20;

export interface SeedSpace {
  id: string;
  slug: string;
}

export interface PlannedMember {
  pseudonym: string;
  voice: Voice;
  perspective: Perspective;
  createdAt: number;
  recoveryStartDate: string | null;
  shareRecoveryDays: boolean;
  daysActive: number;
  lastActiveOn: string | null;
}

export interface SeedPlan {
  seed: number;
  members: PlannedMember[];
  /** Per thread: its space (index into spaces), topic, and its opening post's index. */
  threadSpace: Int32Array;
  threadTopic: Topic[];
  threadOpening: Int32Array;
  /** The index of the thread with exactly LONG_THREAD_REPLIES replies, or -1. */
  longThread: number;
  /** Per post: its thread, author (member index), the reply it answers (-1: none), created and published (epoch ms). */
  postThread: Int32Array;
  postAuthor: Int32Array;
  postInReplyTo: Int32Array;
  postCreatedAt: Float64Array;
  postPublishedAt: Float64Array;
  /** Post indices, oldest first: the order rows are written in, as a real forum's would be. */
  order: Int32Array;
  /** Per thread: the latest publication among its posts (the feed's sort key). */
  threadLastActivity: Float64Array;
}

const PERSPECTIVE: Record<Voice, Perspective> = {
  EARLY_RECOVERY: 'IN_RECOVERY',
  LONG_TIMER: 'IN_RECOVERY',
  FAMILY: 'FAMILY_OR_FRIEND',
  SUPPORTER: 'SUPPORTER',
};
const VOICE_WEIGHTS: Record<Voice, number> = { EARLY_RECOVERY: 45, LONG_TIMER: 20, FAMILY: 25, SUPPORTER: 10 };

/** Which topics each voice starts threads about, in proportion. */
const TOPIC_WEIGHTS: Record<Voice, Partial<Record<Topic, number>>> = {
  EARLY_RECOVERY: { introductions: 15, story: 10, milestones: 20, cravings: 25, medication: 12, 'twelve-step': 8, secular: 5, support: 5 },
  LONG_TIMER: { introductions: 5, story: 20, milestones: 15, cravings: 10, medication: 5, 'twelve-step': 25, secular: 10, support: 10 },
  FAMILY: { family: 70, support: 15, introductions: 10, story: 5 },
  SUPPORTER: { support: 50, medication: 20, secular: 10, family: 10, cravings: 10 },
};

/** The n-th pseudonym of a fixed permutation of adjective × noun × two digits (digits grow past them). */
export function nthPseudonym(n: number): string {
  const combos = ADJECTIVES.length * NATURE_NOUNS.length * 90;
  const cycle = Math.floor(n / combos);
  // A stride coprime with the count of combinations walks all of them in a mixed order.
  const k = ((((n % combos) * 7919) % combos) + combos) % combos;
  const adjective = ADJECTIVES[k % ADJECTIVES.length];
  const noun = NATURE_NOUNS[Math.floor(k / ADJECTIVES.length) % NATURE_NOUNS.length];
  const digits = 10 + Math.floor(k / (ADJECTIVES.length * NATURE_NOUNS.length));
  return `${adjective}${noun}${cycle > 0 ? String(cycle) : ''}${digits}`;
}

/** Replies of an ordinary thread: most a few, some dozens, a rare few hundreds (a long tail). */
export function replyCountFor(random: SeedRandom): number {
  const bucket = random.weighted([30, 32, 26, 10, 2]);
  if (bucket === 0) return random.between(0, 2);
  if (bucket === 1) return random.between(3, 8);
  if (bucket === 2) return random.between(9, 30);
  if (bucket === 3) return random.between(31, 120);
  return random.between(121, 400);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pickWeighted<K extends string>(random: SeedRandom, weights: Partial<Record<K, number>>): K {
  const keys = Object.keys(weights) as K[];
  return keys[random.weighted(keys.map((key) => weights[key] ?? 0))];
}

/** A member index of `voice`, favouring the first ones: a few members write much of a forum. */
function memberOf(random: SeedRandom, byVoice: Record<Voice, number[]>, voice: Voice): number {
  const list = byVoice[voice];
  return list[Math.floor(list.length * Math.pow(random.next(), 2.2))];
}

export interface PlanOptions {
  posts: number;
  seed: number;
  /** Epoch ms; every time in the plan is before it. */
  now: number;
  spaces: readonly SeedSpace[];
  /** Pseudonym keys already in use: the plan skips them. */
  taken?: (key: string) => boolean;
  /** Where the pseudonym enumeration starts (e.g. the count of members already seeded). */
  pseudonymStart?: number;
}

function planMembers(random: SeedRandom, count: number, options: PlanOptions): PlannedMember[] {
  const members: PlannedMember[] = [];
  for (let n = options.pseudonymStart ?? 0; members.length < count; n++) {
    const pseudonym = nthPseudonym(n);
    if (options.taken?.(pseudonymKey(pseudonym))) continue;
    const voice = VOICES[random.weighted(VOICES.map((v) => VOICE_WEIGHTS[v]))];
    const inRecovery = voice === 'EARLY_RECOVERY' || voice === 'LONG_TIMER';
    const recoveryDays = voice === 'EARLY_RECOVERY' ? random.between(10, 400) : random.between(3 * 365, 20 * 365);
    members.push({
      pseudonym,
      voice,
      perspective: random.chance(0.1) ? 'UNSPECIFIED' : PERSPECTIVE[voice],
      createdAt: 0,
      recoveryStartDate: inRecovery && random.chance(0.7) ? isoDate(options.now - recoveryDays * DAY_MS) : null,
      shareRecoveryDays: inRecovery && random.chance(0.6),
      daysActive: 0,
      lastActiveOn: null,
    });
  }
  return members;
}

/** Reply counts per thread, the long thread first, until the posts are used up. */
function planThreadSizes(random: SeedRandom, posts: number): number[] {
  const sizes: number[] = [];
  let left = posts;
  if (left >= LONG_THREAD_REPLIES + 1) {
    sizes.push(LONG_THREAD_REPLIES);
    left -= LONG_THREAD_REPLIES + 1;
  }
  while (left > 0) {
    const replies = Math.min(replyCountFor(random), left - 1);
    sizes.push(replies);
    left -= replies + 1;
  }
  return sizes;
}

export function planSeed(options: PlanOptions): SeedPlan {
  const { posts, seed, now, spaces } = options;
  if (spaces.length === 0) throw new Error('there are no spaces to seed threads into');
  const random = new SeedRandom(seed);
  const members = planMembers(random, Math.max(MIN_MEMBERS, Math.ceil(posts / POSTS_PER_MEMBER)), options);
  const byVoice = Object.fromEntries(VOICES.map((voice) => [voice, [] as number[]])) as Record<Voice, number[]>;
  members.forEach((member, index) => byVoice[member.voice].push(index));
  // Every voice speaks, however few the members.
  for (const voice of VOICES) if (byVoice[voice].length === 0) byVoice[voice].push(random.int(members.length));

  const spacesByTopic = new Map<Topic, number[]>();
  spaces.forEach((space, index) => {
    const topic = topicOfSpace(space.slug);
    if (topic) spacesByTopic.set(topic, [...(spacesByTopic.get(topic) ?? []), index]);
  });

  const sizes = planThreadSizes(random, posts);
  const threadCount = sizes.length;
  const plan: SeedPlan = {
    seed,
    members,
    threadSpace: new Int32Array(threadCount),
    threadTopic: new Array<Topic>(threadCount),
    threadOpening: new Int32Array(threadCount),
    longThread: sizes[0] === LONG_THREAD_REPLIES ? 0 : -1,
    postThread: new Int32Array(posts),
    postAuthor: new Int32Array(posts),
    postInReplyTo: new Int32Array(posts).fill(-1),
    postCreatedAt: new Float64Array(posts),
    postPublishedAt: new Float64Array(posts),
    order: new Int32Array(posts),
    threadLastActivity: new Float64Array(threadCount),
  };

  const firstPost = new Float64Array(members.length).fill(Number.POSITIVE_INFINITY);
  const lastPost = new Float64Array(members.length);
  const postCount = new Int32Array(members.length);
  let post = 0;
  for (let thread = 0; thread < threadCount; thread++) {
    const replies = sizes[thread];
    const openerVoice = VOICES[random.weighted(VOICES.map((v) => VOICE_WEIGHTS[v]))];
    const opener = memberOf(random, byVoice, openerVoice);
    let topic = pickWeighted(random, TOPIC_WEIGHTS[openerVoice]);
    let space = random.pick(spacesByTopic.get(topic) ?? [random.int(spaces.length)]);
    // Now and then a thread lands in any space (operators' own spaces included).
    if (random.chance(0.05)) {
      space = random.int(spaces.length);
      topic = topicOfSpace(spaces[space].slug) ?? topic;
    }
    plan.threadSpace[thread] = space;
    plan.threadTopic[thread] = thread === plan.longThread ? 'milestones' : topic;
    plan.threadOpening[thread] = post;

    // Newer threads are more common (the forum grew); the long thread is a recent, busy one.
    const age = thread === plan.longThread ? 40 * DAY_MS : SPAN_DAYS * DAY_MS * (1 - Math.pow(random.next(), 0.7));
    const start = now - Math.max(age, 3600 * 1000);
    // Replies follow at exponential gaps, squeezed to fit before now.
    const gaps: number[] = [];
    const meanGap = replies > 100 ? 2 * 3600 * 1000 : 9 * 3600 * 1000;
    for (let i = 0; i < replies; i++) gaps.push(random.exponential(meanGap) + 30_000);
    const total = gaps.reduce((sum, gap) => sum + gap, 0);
    const room = now - 60_000 - start;
    const scale = total > room ? room / total : 1;

    let at = start;
    let lastActivity = 0;
    for (let i = 0; i <= replies; i++, post++) {
      if (i > 0) at += gaps[i - 1] * scale;
      const author =
        i === 0
          ? opener
          : random.chance(0.15)
            ? opener
            : memberOf(random, byVoice, VOICES[random.weighted(topic === 'family' ? [20, 20, 45, 15] : [40, 25, 15, 20])]);
      plan.postThread[post] = thread;
      plan.postAuthor[post] = author;
      plan.postCreatedAt[post] = Math.floor(at);
      // Screening publishes a clean post a second or few after it is written.
      plan.postPublishedAt[post] = Math.floor(at) + random.between(400, 4000);
      if (i > 1 && random.chance(0.15)) plan.postInReplyTo[post] = post - random.between(1, i - 1);
      lastActivity = Math.max(lastActivity, plan.postPublishedAt[post]);
      firstPost[author] = Math.min(firstPost[author], plan.postCreatedAt[post]);
      lastPost[author] = Math.max(lastPost[author], plan.postCreatedAt[post]);
      postCount[author] += 1;
    }
    plan.threadLastActivity[thread] = lastActivity;
  }

  members.forEach((member, index) => {
    const joined = Number.isFinite(firstPost[index]) ? firstPost[index] : now - random.int(SPAN_DAYS) * DAY_MS;
    member.createdAt = Math.floor(joined - random.int(30 * DAY_MS));
    member.daysActive = Math.min(postCount[index], Math.ceil((now - member.createdAt) / DAY_MS));
    member.lastActiveOn = postCount[index] > 0 ? isoDate(lastPost[index]) : null;
  });

  const order = Array.from({ length: posts }, (_, index) => index);
  order.sort((a, b) => plan.postCreatedAt[a] - plan.postCreatedAt[b] || a - b);
  plan.order.set(order);
  return plan;
}

export interface PlannedReaction {
  account: number;
  kind: ReactionKind;
  at: number;
}

/** The reactions on one post: mostly none or a few, now and then a dozen; never its author's. */
export function reactionsFor(plan: SeedPlan, post: number, now: number): PlannedReaction[] {
  const random = SeedRandom.for(plan.seed ^ 0x5eed, post);
  const bucket = random.weighted([45, 25, 12, 12, 6]);
  const count = [0, 1, 2, random.between(3, 5), random.between(6, 15)][bucket];
  const out: PlannedReaction[] = [];
  const seen = new Set<string>();
  const author = plan.postAuthor[post];
  for (let tries = 0; out.length < count && tries < count * 4; tries++) {
    const account = random.int(plan.members.length);
    const kind = REACTION_KINDS[random.weighted([50, 30, 20])];
    const key = `${account}:${kind}`;
    if (account === author || seen.has(key)) continue;
    seen.add(key);
    const at = Math.min(now - 1000, plan.postPublishedAt[post] + random.exponential(6 * 3600 * 1000));
    out.push({ account, kind, at: Math.floor(Math.max(at, plan.members[account].createdAt, plan.postPublishedAt[post])) });
  }
  return out;
}
