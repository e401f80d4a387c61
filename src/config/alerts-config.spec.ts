import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AlertsConfigError, parseAlertChannels } from './alerts-config';
import { ConfigError, loadConfig } from './config';

const list = (entries: unknown[]) => ({ ALERT_WEBHOOKS: JSON.stringify(entries) });

describe('ALERT_WEBHOOKS', () => {
  it('is empty when unset: no channel, no alerts', () => {
    expect(parseAlertChannels({})).toEqual([]);
  });

  it('reads each channel, naming unnamed ones by format and position, with the shared signing secret', () => {
    const channels = parseAlertChannels({
      ...list([
        { format: 'slack', url: 'https://hooks.slack.com/services/T/B/X' },
        { name: 'oncall', url: 'https://ops.example.org/kindred', secret: 'sixteen-chars-long' },
        { format: 'matrix', url: 'https://matrix.example.org', room: '!r:example.org', token: 'syt_x' },
        { format: 'ntfy', url: 'https://ntfy.sh/kindred-oncall' },
      ]),
      ALERT_SIGNING_SECRET: 'the-shared-signing-secret',
    });
    expect(channels.map((channel) => [channel.name, channel.format, channel.secret])).toEqual([
      ['slack-1', 'slack', 'the-shared-signing-secret'],
      ['oncall', 'generic', 'sixteen-chars-long'],
      ['matrix-3', 'matrix', 'the-shared-signing-secret'],
      ['ntfy-4', 'ntfy', 'the-shared-signing-secret'],
    ]);
  });

  it('reads the same list from ALERT_WEBHOOKS_FILE', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'alerts-')), 'hooks.json');
    fs.writeFileSync(file, JSON.stringify([{ format: 'slack', url: 'https://hooks.slack.com/services/T/B/X' }]));
    expect(parseAlertChannels({ ALERT_WEBHOOKS_FILE: file }).map((channel) => channel.name)).toEqual(['slack-1']);
    expect(() => parseAlertChannels({ ALERT_WEBHOOKS_FILE: file, ALERT_WEBHOOKS: '[]' })).toThrow(AlertsConfigError);
  });

  it.each([
    ['not JSON', { ALERT_WEBHOOKS: 'https://hooks.slack.com' }, /JSON list/],
    ['not a list', { ALERT_WEBHOOKS: '{}' }, /JSON list/],
    ['an unknown format', list([{ format: 'pager', url: 'https://x.example' }]), /format/],
    ['no url', list([{ format: 'slack' }]), /"url" is required/],
    ['a non-http url', list([{ format: 'slack', url: 'file:///etc/passwd' }]), /http or https/],
    ['a generic webhook without a secret', list([{ url: 'https://x.example' }]), /signed/],
    ['a short secret', list([{ url: 'https://x.example', secret: 'short' }]), /at least 16/],
    ['matrix without a room', list([{ format: 'matrix', url: 'https://m.example', token: 't' }]), /room/],
    ['a bad name', list([{ name: 'On Call!', format: 'slack', url: 'https://x.example' }]), /name/],
    [
      'two channels with one name',
      list([
        { name: 'a', format: 'slack', url: 'https://x.example' },
        { name: 'a', format: 'ntfy', url: 'https://y.example' },
      ]),
      /two channels/,
    ],
  ])('refuses %s at start, with a message saying what to fix', (_what, env, message) => {
    expect(() => parseAlertChannels(env)).toThrow(message);
  });

  it('surfaces as a ConfigError from loadConfig, beside the delays with their defaults', () => {
    expect(() => loadConfig({ ALERT_WEBHOOKS: '{' })).toThrow(ConfigError);
    const { alerts, publicUrl } = loadConfig({});
    expect(alerts).toMatchObject({ channels: [], urgentAfterSeconds: 120, highAfterSeconds: null, repeatSeconds: 300 });
    expect(publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ ALERT_HIGH_AFTER_SECONDS: '900', PUBLIC_URL: 'https://kindred.example.org//' })).toMatchObject({
      alerts: { highAfterSeconds: 900 },
      publicUrl: 'https://kindred.example.org',
    });
    expect(() => loadConfig({ PUBLIC_URL: 'kindred.example.org' })).toThrow(ConfigError);
  });
});
