/**
 * Context, not keywords: each block pairs posts that share words but not meaning.
 * All sentences are written for this spec (none come from the corpora).
 */
import { screenText } from './index';
import type { Outcome, ScreeningCategory } from './types';

type Case = [Outcome, ScreeningCategory[], string];

function check(cases: Case[]): void {
  it.each(cases)('%s %j: %s', (outcome, categories, text) => {
    const d = screenText(text);
    expect({ outcome: d.outcome, categories: d.categories }).toEqual({ outcome, categories });
  });
}

describe('past survival vs present intent', () => {
  check([
    ['PUBLISH', [], 'I tried to end my life in 2019, today I coach others.'],
    ['PUBLISH', [], 'Years ago I wanted to kill myself. Now I wake up excited.'],
    ['PUBLISH', [], 'Back when I was using I thought about suicide constantly, those days are over.'],
    ['HOLD', ['SELF_HARM'], "tonight I'm taking every pill in the cabinet"],
    ['HOLD', ['SELF_HARM'], 'I want to kill myself right now'],
    ['HOLD', ['SELF_HARM'], "I can't stop thinking about killing myself"],
    ['HOLD', ['SELF_HARM'], 'no point going on anymore'],
    ['HOLD', ['SELF_HARM'], 'I attempted suicide in 2020 and I am going to try again tonight'],
    // An emoji ends a sentence the way a full stop does: the past verb before it stays behind it.
    ['HOLD', ['SELF_HARM'], 'rough week, my mom was sick 😭 i want to die'],
    ['HOLD', ['SELF_HARM'], 'I was fired and she left 😔 I want to kill myself'],
    ['PUBLISH', [], 'I was in a dark place in 2019 😔 wanted to die every day. Today I have my kids back 💕'],
    ['PUBLISH', [], 'Years ago I wanted to kill myself 🙏 now I sponsor two people'],
  ]);
});

describe('a present time, an ongoing frame or a condition vs a past verb; an explicit past time still wins', () => {
  check([
    // Self-injury done today, again or for the first time in years is this period's.
    ['HOLD', ['SELF_HARM'], 'Burned my arm on purpose today after the call with my dad.'],
    ['HOLD', ['SELF_HARM'], 'When the kids went to bed I cut my leg again.'],
    ['HOLD', ['SELF_HARM'], 'Cut myself for the first time in six years.'],
    ['HOLD', ['SELF_HARM'], 'i been cuttin my arms with a razor'],
    ['HOLD', ['SELF_HARM'], "I've also been hitting myself in the head when I get mad."],
    // A past form after "if" or "wish" is a condition, not a past time.
    ['HOLD', ['SELF_HARM'], 'Honestly nobody would even notice if I just was not there.'],
    ['HOLD', ['SELF_HARM'], "I wouldn't mind if I didn't wake up."],
    // Past survival, someone else's past, negated: still published.
    ['PUBLISH', [], 'In 2016 I cut my leg again and again. Nine years free of it today.'],
    ['PUBLISH', [], 'Back then I was burning my arm every night, now I teach pottery.'],
    ['PUBLISH', [], 'My worst year was 2021, I wanted to die basically every day. Now I run a meeting.'],
    ['PUBLISH', [], 'I had been cutting myself for years before I got sober.'],
    // A drug name ending in -in is not a dropped-g "-in'": the past verb governs the cue.
    ['PUBLISH', [], "I've been on heroin and wanted to die, that was the worst of it."],
    ['PUBLISH', [], 'Been on gabapentin and wanted to end it all when the pain was bad, the new doctor fixed that.'],
    ['PUBLISH', [], "I'm not cutting myself again, I called my sponsor instead."],
    ['PUBLISH', [], "A patient told me he's been thinking about suicide, we did the screening and he went home with a safety plan."],
    ['PUBLISH', [], 'My doctor asked whether I had thoughts of harming myself, and I said not currently, and it was true.'],
  ]);
});

describe('negation', () => {
  check([
    ['PUBLISH', [], 'I would never hurt myself, I just needed to say this out loud.'],
    ['PUBLISH', [], "I'm not suicidal. Just worn out from court dates."],
    ['HOLD', ['SELF_HARM'], "I don't want to be alive anymore"],
    ['PUBLISH', [], "Please don't buy pills off the street, they're pressed with fent."],
  ]);
});

describe('idioms vs the real thing', () => {
  check([
    ['PUBLISH', [], 'I could kill for a pizza after this shift'],
    ['PUBLISH', [], "I'm dying to see my grandkids at Easter"],
    ['PUBLISH', [], 'My boss is going to kill me if I am late again'],
    ['PUBLISH', [], 'this commute is killing me lol'],
    ['PUBLISH', [], 'Got my booster shot and a double shot of espresso.'],
    ['PUBLISH', [], 'I cleaned my whole kitchen today'],
    ['HOLD', ['SELF_HARM'], 'i want to unalive myself'],
  ]);
});

describe('a story about a dealer vs a request to buy', () => {
  check([
    ['PUBLISH', [], "I used to buy from a guy on 3rd street, he's in prison now and I'm 2 years sober."],
    ['PUBLISH', [], 'My old dealer called me yesterday and I blocked him. Proud of that.'],
    ['HOLD', ['DRUG_SOURCING'], 'anyone know where i can get some oxys around here'],
    ['HOLD', ['DRUG_SOURCING'], 'need a connect in cleveland asap'],
    ['HOLD', ['DRUG_SOURCING'], 'have extra bars for sale, hmu'],
    ['PUBLISH', [], 'Where can I get Narcan for my car?'],
    ['PUBLISH', [], 'Where can I get Suboxone if my insurance dropped me? Any clinic suggestions?'],
  ]);
});

describe('quoted or reported stigma vs stigma', () => {
  check([
    ['PUBLISH', [], 'my counselor called me a junkie once and I never went back'],
    ['PUBLISH', [], "Someone at work said 'you're just a crackhead' and I cried in the bathroom."],
    ['PUBLISH', [], 'People say "once an addict always an addict" but I am living proof they are wrong.'],
    ['HOLD', ['STIGMA'], 'crackheads like that should just be left to die'],
    ['HOLD', ['STIGMA'], 'once a junkie always a junkie'],
  ]);
});

describe('self-description vs contempt for others', () => {
  check([
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], "I'm an addict and today is day 30"],
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], 'As a recovering addict I know how hard mornings are.'],
    ['HOLD', ['STIGMA'], 'these junkies keep stealing from the store'],
    ['HOLD', ['STIGMA'], 'those addicts are all liars'],
    ['HOLD', ['STIGMA'], 'People like that never change, trust me.'],
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], 'honestly i was such a pillhead back in my twenties, wild to think about'],
    ['HOLD', ['STIGMA'], 'that kind of junkie never changes'],
    ['HOLD', ['STIGMA'], 'my neighbor is such a junkie, always begging outside the store'],
  ]);
});

describe('supportive MOUD talk vs medication stigma', () => {
  check([
    ['PUBLISH', [], 'Methadone gave me stability. Proud patient for 4 years.'],
    ['PUBLISH', [], 'Got my first Suboxone prescription today, feeling hopeful'],
    ['PUBLISH', [], 'It is not trading one drug for another, it is treatment that works.'],
    ['PUBLISH', [], 'My doctor lowered my methadone from 80mg to 70mg this month.'],
    ['PUBLISH', [], 'Methadone patients are some of the bravest people I know.'],
    ['PUBLISH', [], 'suboxone people are my people, this group gets it'],
    ['HOLD', ['STIGMA'], 'methadone people are still using, they just get it from a clinic'],
    ['HOLD', ['STIGMA'], 'clinic patients are all liars'],
    ['HOLD', ['STIGMA'], "you're not really clean if you're on subs"],
    ['HOLD', ['STIGMA'], "it's just trading one drug for another"],
  ]);
});

describe("public hotlines vs a member's own number", () => {
  check([
    ['PUBLISH', [], 'Call 988 if you are struggling, or 911 in an emergency.'],
    ['PUBLISH', [], 'SAMHSA helpline: 1-800-662-HELP, free and confidential.'],
    ['PUBLISH', [], 'The treatment line at 1 (877) 555-0100 answered in minutes.'],
    ['HOLD', ['PERSONAL_INFO'], 'my cell is 513 555 0199 text anytime'],
    ['HOLD', ['PERSONAL_INFO'], 'message me on whatsapp +1 614 555 0182'],
    ['PUBLISH', [], "For anyone near Dayton: the county clinic's intake line is 937-555-0147, walk-ins on Tuesdays."],
    ['PUBLISH', [], 'Call the Riverside recovery center at (419) 555-0133 and ask about the bridge program.'],
    ['HOLD', ['PERSONAL_INFO'], 'If you need a ride to the clinic, call Deacon Moore at 937-555-0121, he drives mornings.'],
    ['HOLD', ['PERSONAL_INFO'], "My counselor at the clinic, her direct cell is 937-555-0188, she doesn't mind."],
    ['HOLD', ['PERSONAL_INFO'], 'need something to hold me till the clinic opens, text 937 555 0166'],
  ]);
});

describe('a street address vs numbers beside street words', () => {
  check([
    ['HOLD', ['PERSONAL_INFO'], 'come by 1423 Oak Street after six, I live there'],
    ['PUBLISH', [], 'the nearest clinic is a 2 hour drive each way, no car'],
    ['PUBLISH', [], 'I stood in Courtroom 204 (drug court) this morning and got a good report.'],
    ['PUBLISH', [], 'I used for years, 1999 to 2004, mostly on Park Street, and I am 19 years out now.'],
  ]);
});

describe('overdose now vs overdose teaching or history', () => {
  check([
    ['HOLD', ['OVERDOSE_EMERGENCY'], "he's not breathing and his lips are blue what do i do"],
    ['PUBLISH', [], 'Signs of an overdose: blue lips, not breathing, pinpoint pupils. Carry naloxone.'],
    ['PUBLISH', [], 'If someone will not wake up, call 911 and give naloxone.'],
    ['PUBLISH', [], 'My cousin overdosed last year and survived. Narcan works.'],
    ['HOLD', ['OVERDOSE_EMERGENCY'], "my buddy ain't breathing, gave him one narcan already"],
    ['HOLD', ['OVERDOSE_EMERGENCY'], 'I think I took my evening dose twice and now it is hard to breathe. Should I call 911?'],
    ['HOLD', ['OVERDOSE_EMERGENCY'], 'took too many of my sleeping pills by accident, I keep dozing off'],
    ['PUBLISH', [], 'In 2017 I took too many of my pills by accident one night. My wife found me and called for help.'],
    ['PUBLISH', [], 'If it is ever hard to breathe after your dose, call 911 and give naloxone.'],
    ['PUBLISH', [], 'When I quit smoking it was hard to breathe on the stairs for a month, now I run.'],
    // A period is not an emergency: a report of this week's overdoses stays a report.
    ['PUBLISH', [], "Three overdoses near the park this week that didn't respond to the first Narcan. Carry two doses."],
  ]);
});

describe('dosing instructions vs treatment talk', () => {
  check([
    ['HOLD', ['DOSING_INSTRUCTIONS'], 'how do i get high on my prescribed gabapentin'],
    ['HOLD', ['DOSING_INSTRUCTIONS'], 'tips for passing a ua for probation?'],
    ['PUBLISH', [], 'I used to crush my pills and it nearly killed me.'],
    ['PUBLISH', [], 'My prescriber and I agreed on a slow taper, 2mg every two weeks.'],
  ]);
});

describe('harassment vs support', () => {
  check([
    ['HOLD', ['HARASSMENT'], "you're pathetic and everyone knows it"],
    ['HOLD', ['HARASSMENT'], 'kys'],
    ['PUBLISH', [], 'You are worth it. You are not a burden.'],
    ['PUBLISH', [], 'My ex told me I was worthless. I know better now.'],
  ]);
});

describe('ambiguous words only nudge in their drug sense', () => {
  check([
    ['PUBLISH', [], 'My clean needles come from the syringe program on Elm.'],
    ['PUBLISH', [], 'A forum user here gave me great advice about cravings.'],
    ['PUBLISH', [], 'Reading every night has become a good habit.'],
    ['PUBLISH', [], 'I slipped on the stairs and bruised my knee.'],
    ['PUBLISH', [], 'Total coffee addict, no shame.'],
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], 'I slipped up last night and used. Back at it today.'],
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], '18 months clean and still grateful'],
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], 'hoy cumplo 9 meses clean, gracias a todos'],
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], 'so scared my cup would come back dirty after the dentist gave me codeine'],
    ['PUBLISH', [], 'the diaper was dirty again, third time before lunch'],
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], 'the drug test for my new job came back clean, still nervous every time'],
    ['PUBLISH', [], 'my good coat came back clean from the cleaners, ready for court'],
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], 'soy adicta y hoy cumplo un año limpia, gracias grupo'],
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], 'tuve una recaída el sábado pero ya hablé con mi consejera'],
    ['PUBLISH', [], 'mi hermano es adicto al café, tres tazas antes de las nueve'],
  ]);
});

describe("an author's own answer to a question is theirs, not a report", () => {
  check([
    ['PUBLISH_WITH_SUGGESTIONS', ['STIGMA'], 'my nephew asked me how i stayed clean for so long and i said meetings and stubbornness'],
    ['PUBLISH', [], 'my aunt called me a junkie at dinner and nobody said a word'],
  ]);
});

describe('spam', () => {
  it('holds promotional posts at LOW and rejects certain spam', () => {
    expect(screenText('Earn $500 a day from home with crypto!! click the link in my bio')).toMatchObject({
      outcome: 'HOLD',
      categories: ['SPAM'],
      priority: 'LOW',
    });
    expect(screenText('Double your bitcoin in 24 hours, guaranteed: https://coinx.biz').outcome).toBe('REJECT');
    expect(screenText('Day 12 and feeling okay', { recentDuplicateCount: 2 }).outcome).toBe('REJECT');
    expect(screenText('Day 12 and feeling okay', { recentDuplicateCount: 1 }).outcome).toBe('PUBLISH');
    expect(screenText('The locator at findtreatment.gov helped me find a clinic.').outcome).toBe('PUBLISH');
  });
});

describe('crisis resources', () => {
  it('are offered for self-harm and overdose holds only', () => {
    expect(screenText('I want to die tonight').crisisResources).toBe(true);
    expect(screenText('she is not breathing please help').crisisResources).toBe(true);
    expect(screenText('who has percs').crisisResources).toBe(false);
  });
});
