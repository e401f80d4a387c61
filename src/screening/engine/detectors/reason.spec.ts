import { withoutQuote } from './reason';

describe('withoutQuote', () => {
  it("keeps a reason's why and drops the words it quotes", () => {
    expect(withoutQuote('asks where to buy: "who has percs"')).toBe('asks where to buy');
    expect(withoutQuote('In the title: offer to sell: "selling 30s: cheap"')).toBe('In the title: offer to sell');
  });

  it('leaves a reason without a quote as it is', () => {
    expect(withoutQuote('repeated link')).toBe('repeated link');
  });
});
