import { ConfigError, loadConfig } from './config';

describe('transport configuration', () => {
  it('turns introspection and suggestions off in production, on elsewhere, and lets either be set', () => {
    expect(loadConfig({}).transport).toMatchObject({ introspection: true, suggestions: true });
    expect(loadConfig({ NODE_ENV: 'production' }).transport).toMatchObject({ introspection: false, suggestions: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'on', GRAPHQL_SUGGESTIONS: 'on' }).transport).toMatchObject({
      introspection: true,
      suggestions: true,
    });
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'off' }).transport.introspection).toBe(false);
  });

  it('has safe defaults: 64 KiB socket messages, no extra origins, no HSTS, no health details', () => {
    expect(loadConfig({}).transport).toEqual({
      queryAliasesMax: 15,
      queryDirectivesMax: 10,
      queryTokensMax: 2000,
      introspection: true,
      suggestions: true,
      wsMaxPayloadBytes: 65536,
      allowedOrigins: [],
      trustProxyTls: false,
      healthToken: null,
    });
  });

  it('sizes the socket message limit to fit the longest post', () => {
    expect(loadConfig({ BODY_MAX_CHARS: '100000' }).transport.wsMaxPayloadBytes).toBe(100000 * 3 + 4096);
    expect(loadConfig({ BODY_MAX_CHARS: '100000', WS_MAX_PAYLOAD_BYTES: '70000' }).transport.wsMaxPayloadBytes).toBe(70000);
  });

  it('reads ALLOWED_ORIGINS as bare origins and refuses anything else', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://app.example, http://localhost:5173/' }).transport.allowedOrigins).toEqual([
      'https://app.example',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'app.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://app.example/path' })).toThrow(ConfigError);
  });

  it('refuses a short HEALTH_TOKEN', () => {
    expect(() => loadConfig({ HEALTH_TOKEN: 'short' })).toThrow(/HEALTH_TOKEN/);
    expect(loadConfig({ HEALTH_TOKEN: 'a-long-enough-operator-token' }).transport.healthToken).toBe('a-long-enough-operator-token');
  });
});
