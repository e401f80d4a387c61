import { passphraseStrength } from './passphrase-strength';

describe('the passphrase strength hint', () => {
  it('calls anything under the minimum too short', () => {
    expect(passphraseStrength('short')).toBe(0);
  });

  it('calls a repeated or low-variety passphrase weak, however long', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa')).toBe(1);
    expect(passphraseStrength('abababababababab')).toBe(1);
  });

  it('rates several unrelated words above one clever word', () => {
    expect(passphraseStrength('Tr0ub4dor&3x')).toBeLessThan(passphraseStrength('kettle orbit cactus meadow'));
    expect(passphraseStrength('kettle orbit cactus meadow')).toBe(3);
  });
});
