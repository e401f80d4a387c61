import { ConfigError, loadConfig } from './config';

describe('metrics and log settings', () => {
  it('are off and text by default', () => {
    const config = loadConfig({});
    expect(config.metrics).toEqual({ port: null, host: '0.0.0.0', token: null, operationNames: [] });
    expect(config.logFormat).toBe('text');
  });

  it('read METRICS_PORT, METRICS_HOST (HOST by default), METRICS_TOKEN and LOG_FORMAT', () => {
    expect(loadConfig({ METRICS_PORT: '9464', HOST: '127.0.0.1' }).metrics).toMatchObject({ port: 9464, host: '127.0.0.1', token: null });
    const config = loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.1.2.3', METRICS_TOKEN: 'a-long-enough-token', LOG_FORMAT: 'json' });
    expect(config.metrics).toMatchObject({ port: 9464, host: '10.1.2.3', token: 'a-long-enough-token' });
    expect(config.logFormat).toBe('json');
  });

  it('refuses a short token, a port out of range and an unknown format', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_PORT: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(ConfigError);
  });

  it('reads METRICS_OPERATION_NAMES as a list of plain operation names, refusing anything else', () => {
    expect(loadConfig({ METRICS_OPERATION_NAMES: ' PartnerFeed, ExportCases ,' }).metrics.operationNames).toEqual([
      'PartnerFeed',
      'ExportCases',
    ]);
    expect(() => loadConfig({ METRICS_OPERATION_NAMES: 'Feed, my feed' })).toThrow(ConfigError);
  });
});
