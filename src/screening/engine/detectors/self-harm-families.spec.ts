/**
 * Every SELF_HARM cue family, in four readings: in the present (held), in the past (a survival
 * story), negated, and said of or to someone else (a support frame, another person's ordinary
 * life). Weak families (plan, preparation, farewell) are shown holding beside a second cue,
 * which is the only way they hold. All sentences are written for this spec.
 */
import { screenText } from '../index';
import { FAMILY_TRAITS, SelfHarmFamily } from './self-harm-families';

interface FamilyCases {
  present: string;
  past: string;
  negated: string;
  someoneElse: string;
}

const CASES: Record<SelfHarmFamily, FamilyCases> = {
  wish: {
    present: 'i just want to go to sleep and never wake up',
    past: 'Two years ago I wanted to die every single day. Today I have a job and my kids back.',
    negated: "I don't want to die, I want the cravings to stop.",
    someoneElse: 'If someone tells you they wish they were dead, stay with them and call 988.',
  },
  ideation: {
    present: 'been thinking about killing myself a lot lately',
    past: 'In 2019 I thought about ending my life. I am glad I stayed.',
    negated: "I'm not going to kill myself, I just need to vent about court.",
    someoneElse: 'When a person says they are thinking of ending it, ask them directly and listen.',
  },
  method: {
    present: "i looked up how many of my mom's pills would be enough",
    past: 'Years ago I looked up the lethal dose of my meds. Five years later I run a peer group.',
    negated: 'I never looked up the lethal dose, I just felt numb all week.',
    someoneElse: 'My therapist asked if I had looked up the lethal dose of anything.',
  },
  intent: {
    present: "i'm going to overdose on purpose tonight",
    past: 'Back in 2018 I tried to overdose on purpose. My brother found me.',
    negated: 'I would never overdose on purpose, I carry naloxone everywhere I go.',
    someoneElse: 'If you are thinking of overdosing on purpose, please call or text 988 tonight.',
  },
  plan: {
    present: 'Saturday is the day. I already wrote the letters to my kids.',
    past: 'In 2017 I picked a date and wrote letters to my kids. My sister found them and I got help.',
    negated: "I haven't picked a date for anything, I'm just really sad this week.",
    someoneElse: 'My sister picked the date for her wedding, it is the weekend after Easter.',
  },
  preparation: {
    present: 'gave my dog to my neighbor and wrote letters to my kids',
    past: 'Years ago I gave away my things and wrote letters to my kids. Today I am three years into recovery.',
    negated: "I'm not giving my dog away, she's the reason I get up in the morning.",
    someoneElse: 'My grandma gave away her things before she moved into assisted living.',
  },
  burden: {
    present: 'everyone would be better off without me',
    past: 'Last year I believed my family would be better off without me. I was wrong.',
    negated: 'My kids would not be better off without me, my counselor helped me see it.',
    someoneElse: 'When someone says everyone would be better off without them, take it seriously.',
  },
  belonging: {
    present: 'nobody would notice if i was gone',
    past: 'When I was using I felt like nobody would notice if I was gone.',
    negated: 'Somebody would notice if I was gone, and that is why I am still here.',
    someoneElse: 'My son used to say nobody would miss him, and it broke my heart.',
  },
  farewell: {
    present: 'This is goodbye. Thank you all for everything. I won’t be posting again.',
    past: 'In 2020 I posted a goodbye here. You all got me help and I am alive.',
    negated: 'This is not goodbye, I am just taking a break from the forum for finals.',
    someoneElse: 'My sponsor said goodbye to everyone at his retirement party last night.',
  },
  injury: {
    present: 'i cut myself again tonight',
    past: 'I used to cut myself in high school. It has been ten years.',
    negated: "I didn't cut myself tonight even though the urge was bad.",
    someoneElse: "My daughter's counselor asked whether she had been hurting herself.",
  },
};

describe.each(Object.entries(CASES))('SELF_HARM family %s', (family, cases) => {
  it('holds a present cue as URGENT with crisis resources', () => {
    const d = screenText(cases.present);
    expect({ outcome: d.outcome, categories: d.categories, priority: d.priority, crisis: d.crisisResources }).toEqual({
      outcome: 'HOLD',
      categories: ['SELF_HARM'],
      priority: 'URGENT',
      crisis: true,
    });
  });

  it.each([
    ['in the past', cases.past],
    ['negated', cases.negated],
    ['about or to someone else', cases.someoneElse],
  ])('publishes it %s', (_reading, text) => {
    expect(screenText(text).categories).not.toContain('SELF_HARM');
  });

  it('names the family in a reason', () => {
    const details = screenText(cases.present).reasons.map((r) => r.detail);
    expect(details.some((detail) => detail.startsWith(FAMILY_TRAITS[family as SelfHarmFamily].label))).toBe(true);
  });
});

describe('weak cues hold only in combination', () => {
  it.each([
    ['a preparation alone', 'Gave my old guitar to my nephew today, he is going to love it.'],
    ['a farewell alone', 'Thank you all for everything this year, see you at the Friday meeting.'],
    ['a plan-like date alone', 'Saturday is the day we move into the new apartment!'],
    ['a burden alone', 'I feel like a weight on my family since the surgery, but PT is helping.'],
  ])('%s publishes', (_what, text) => {
    expect(screenText(text).categories).not.toContain('SELF_HARM');
  });

  it.each([
    [
      'preparation inside a farewell',
      'I wrote letters to my kids and my mom. Thank you all for everything. I won’t be posting after this weekend.',
    ],
    ['a burden inside a farewell', 'Goodbye everyone. Nobody will have to deal with me anymore.'],
    ['means at hand beside a date', 'I have my wifes pills saved in the drawer. Friday night is when I am going to do it.'],
  ])('%s holds as URGENT', (_what, text) => {
    const d = screenText(text);
    expect([d.outcome, d.priority]).toEqual(['HOLD', 'URGENT']);
  });
});

describe('wordings widened from the training voices', () => {
  it.each([
    ['a date before "I\'ll do it", beside saved pills', "I've saved up my pills. On the 20th I'll do it."],
    ['not coming back, beside a date and letters', "Friday's the day. I wrote letters to my kids and I'm not coming back."],
    [
      'rent paid ahead and a bank card left, beside a farewell',
      'Paid my rent up to June and left my bank card for my sister. That is it from me.',
    ],
    ['how many it would take, framed', "I keep thinking about how many it would take. I've made my mind up."],
    ['the Lord taking me in my sleep, framed', 'I am so tired, I pray every night the Lord will just take me in my sleep.'],
    ['wishing I did not have to wake up', 'Most nights I lie there wishing I didn’t have to wake up.'],
    ['an easier time without me', 'Everyone would have an easier time without me around.'],
    ['burning my forearm to feel something', "I've been burning my forearm with the lighter just to feel something."],
    ['Spanish: sleep and not wake up', 'A veces quisiera dormir y no despertar.'],
    ['hoping my heart stops in my sleep', 'Some nights I just hope my heart stops in my sleep.'],
    ["a weight round everyone's neck, beside a farewell", "I'm a weight round everyone's neck. That's me done, don't cry for me."],
    [
      'saved sleep meds, then when my mom leaves',
      "I've been holding back my sleep meds. When my mom goes to her sister's, that's when I'm doing it.",
    ],
    ['nobody will find me, beside a preparation', 'I gave my dog to my neighbor. Nobody will find me till Monday.'],
    ['doing it once they leave, beside letters', "I wrote my brother a letter. I'm going to do it once everyone leaves for the holiday."],
    ['hoping I just do not wake up', 'Every night I go to bed hoping I just dont wake up.'],
    ["I'd prefer not to wake up", "Honestly I'd prefer not to wake up tomorrow."],
    ['the Lord not letting me wake up', 'I pray the Lord would just not let me wake up.'],
    ['would like to be dead', 'Most days I would like to be dead.'],
    ['not much caring if I wake up', "I don't much care if I wake up tomorrow."],
    ['Spanish: ojalá no me despertara', 'Todos estarían mejor sin mí. Ojalá no me despertara.'],
    ['looked up, words between, what it takes', 'Looked up on the library computer what it takes.'],
    ['how many would be too much', 'i looked up how many of my bupe films would be too much.'],
    ['knowing how much is enough', 'I counted them twice. I know exactly how much would do it.'],
    ['enough saved, beside a date', 'I have enough saved now. Sunday is the day.'],
    ['Spanish: cuántas se necesitan para no despertar', '¿Cuántas pastillas de dormir se necesitan con alcohol para no despertar?'],
    [
      'which bridges are high enough, beside doing the math',
      'Looked up which bridges over the river are high enough. Just doing the math at this point.',
    ],
    [
      'a rifle cleaned and loaded, beside using it on myself',
      'got the rifle cleaned and loaded in the corner. been thinking about using it on myself.',
    ],
    ['going to finish it, framed', "I've made my mind up. I'm going to finish it."],
    ['knowing what I am doing with them, beside a count', "I know exactly what I'm doing with them. Counted them twice, 38."],
    ['nobody here would notice I was gone, without "if"', 'nobody here would notice I was gone.'],
    ['head against the wall until it bruised', 'I bang my head against the bedroom wall until it bruised.'],
  ])('%s holds', (_what, text) => {
    expect(screenText(text).categories).toContain('SELF_HARM');
  });

  it.each([
    ['not coming back, alone', "I'm not coming back to this group, the mods here are rude."],
    ['rent paid ahead, alone', 'Paid my rent up to June, my landlord was thrilled.'],
    ['an easier time without me, in the past', 'Years ago I believed everyone would have an easier time without me. I was wrong.'],
    ['a wish, negated', "I don't wish I didn't have to wake up anymore, mornings are good now."],
    ['a wish, said of someone else', 'If someone tells you they pray the Lord will take them in their sleep, stay with them and call 988.'],
    ['burning, in the past', 'In 2015 I was burning my forearm to feel something. Ten years clean of it now.'],
    ['a heart that stops, said of someone else', 'My grandpa hoped his heart would stop in his sleep when he was ninety, and it did.'],
    ['dead before anyone noticed, in the past', 'In 2019 I used for months before anyone noticed. Today I chair the Tuesday meeting.'],
    ['when my mom leaves, alone', "When my mom goes to work I'm going to bake her a cake."],
    ['saving carries, said of someone else', 'My cousin was saving his carries so he could sell them, the clinic caught it.'],
    ['nobody will find it, about a present', 'I hid the present so well nobody will find it until Christmas.'],
    ['not waking up, in the past', 'In 2019 I hoped every night I would not wake up. Today I coach softball.'],
    ['not waking up, negated', "I don't wish I would not wake up anymore, the mornings are mine again."],
    ['not waking up, said of someone else', 'My dad prayed he would not wake up, the cancer was that bad. He passed in March.'],
    ['a baby that does not wake up', 'I hope the baby does not wake up before my meeting ends.'],
    ['what it takes, in the past', 'In 2017 I looked up what it takes. Eight years later I am a peer counselor.'],
    ['how much would be too much, negated', 'I never looked up how much would be too much, I just used.'],
    ['how much is too much, harm reduction', 'How much naloxone is too much to give? The nurse said you cannot overdo it.'],
    ['enough now, for a trip', 'I think I have enough now for the trip to see my grandkids.'],
    ['lethal doses, said of someone else', 'If someone says they have been reading about lethal doses, ask them directly and call 988.'],
    [
      'which bridge is high enough, in the past',
      'In 2015 I looked up which bridges were high enough. Ten years later I lead a peer group.',
    ],
    ['which bridge is high enough, negated', 'I never looked up which bridge is high enough, I just felt low.'],
    ['which bridge is high enough, said of someone else', 'My brother asked which bridge is high enough for the fireworks view.'],
    ['a car running in a closed garage, someone else', 'My neighbor left the car running in the closed garage and the CO alarm went off.'],
    [
      'a rifle cleaned and loaded, someone else',
      'My uncle never turned in his rifle, cleaned and loaded in the den, and he hunts every fall.',
    ],
    ['finishing a degree', "I'm going to finish it this semester, the degree is almost done."],
    ['nobody here would notice, in the past', 'In 2019 I was sure nobody here would notice I was gone. You all proved me wrong.'],
    ['banging my head against the wall, an idiom', 'Felt like banging my head against the wall with the insurance company today.'],
    ['head against the wall, negated', "I don't bang my head against the wall anymore, my counselor gave me other ways."],
    ['head against the wall, in the past', 'In 2016 I banged my head against the wall until it bruised. Nine years free of that now.'],
    [
      'holding back pills, in the past',
      'In 2018 I was holding back my sleep meds for a plan. Seven years later I am glad I told my doctor.',
    ],
  ])('%s publishes', (_what, text) => {
    expect(screenText(text).categories).not.toContain('SELF_HARM');
  });
});
