import { combineSelfHarm, SelfHarmCue } from './combine-self-harm';

const cue = (over: Partial<SelfHarmCue>): SelfHarmCue => ({
  family: 'preparation',
  weak: true,
  framed: false,
  kind: 'k',
  sentence: 0,
  ...over,
});

describe('combineSelfHarm', () => {
  it('holds a strong cue alone, and lists every other cue beside it', () => {
    expect(combineSelfHarm([cue({ family: 'wish', weak: false }), cue({ family: 'farewell', sentence: 9 })])).toEqual([true, true]);
  });

  it('holds a framed weak cue of a framed family alone, not of a combined family', () => {
    expect(combineSelfHarm([cue({ family: 'ideation', framed: true })])).toEqual([true]);
    expect(combineSelfHarm([cue({ family: 'preparation', framed: true })])).toEqual([false]);
  });

  it('pairs weak cues of two combined families across the whole post', () => {
    expect(combineSelfHarm([cue({ family: 'preparation', sentence: 0 }), cue({ family: 'farewell', sentence: 12 })])).toEqual([true, true]);
  });

  it('pairs an unframed weak cue of a framed family only with a cue in its sentence or the next', () => {
    expect(combineSelfHarm([cue({ family: 'ideation', sentence: 0 }), cue({ family: 'farewell', sentence: 5 })])).toEqual([false, false]);
    expect(combineSelfHarm([cue({ family: 'ideation', sentence: 4 }), cue({ family: 'farewell', sentence: 5 })])).toEqual([true, true]);
  });

  it('pairs two different cues of a self-confirming family, never one cue twice', () => {
    expect(combineSelfHarm([cue({ kind: 'letters' }), cue({ kind: 'pet' })])).toEqual([true, true]);
    expect(combineSelfHarm([cue({ kind: 'letters' }), cue({ kind: 'letters', sentence: 3 })])).toEqual([false, false]);
    expect(combineSelfHarm([cue({ family: 'plan', kind: 'a' }), cue({ family: 'plan', kind: 'b' })])).toEqual([false, false]);
  });

  it('lets a bare resolve pair like a preparation but never hold alone', () => {
    expect(combineSelfHarm([cue({ family: 'intent', kind: 'resolve', bareResolve: true, framed: true })])).toEqual([false]);
    expect(
      combineSelfHarm([cue({ family: 'intent', kind: 'resolve', bareResolve: true }), cue({ family: 'preparation', sentence: 8 })]),
    ).toEqual([true, true]);
  });
});
