import { encodeSolvedPayload, parseSolvedPayload } from './proof-of-work-payload';

const challenge = {
  parameters: { algorithm: 'SHA-256', nonce: 'aa', salt: 'bb', cost: 1, keyLength: 32, keyPrefix: '00', expiresAt: 1_900_000_000 },
  signature: 'cc',
};
const solution = { counter: 12, derivedKey: '00ff' };

describe('parseSolvedPayload', () => {
  it('reads the base64 form a widget sends, and plain JSON', () => {
    expect(parseSolvedPayload(encodeSolvedPayload(challenge, solution))).toEqual({ challenge, solution });
    expect(parseSolvedPayload(JSON.stringify({ challenge, solution }))).toEqual({ challenge, solution });
  });

  it.each([
    ['junk', 'not base64 json'],
    ['no signature', JSON.stringify({ challenge: { parameters: challenge.parameters }, solution })],
    ['no expiry', JSON.stringify({ challenge: { ...challenge, parameters: { ...challenge.parameters, expiresAt: undefined } }, solution })],
    ['a counter that is not a number', JSON.stringify({ challenge, solution: { counter: '12', derivedKey: '00ff' } })],
    ['an array', '[]'],
  ])('is null for %s', (_name, raw) => {
    expect(parseSolvedPayload(raw)).toBeNull();
  });
});
