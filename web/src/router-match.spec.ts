import { matchRoute } from './router-match';

describe('matching a client route', () => {
  it('reads the named parts of a path', () => {
    expect(matchRoute('/moderation/cases/:id', '/moderation/cases/42')).toEqual({ id: '42' });
    expect(matchRoute('/s/:slug', '/s/family-and-friends/')).toEqual({ slug: 'family-and-friends' });
  });

  it('does not match other paths', () => {
    expect(matchRoute('/t/:id', '/t/1/2')).toBeNull();
    expect(matchRoute('/', '/help')).toBeNull();
  });

  it('treats a malformed escape as no match rather than a crash', () => {
    expect(matchRoute('/t/:id', '/t/%E0%A4%A')).toBeNull();
  });
});
