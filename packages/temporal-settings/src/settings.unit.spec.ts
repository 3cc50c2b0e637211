import { describe, expect, it } from 'vitest';
import { readTemporalSettings, TemporalSettingsError } from './settings.ts';

describe('readTemporalSettings', () => {
  it('defaults to a local dev server, the default namespace and the panggung task queue, without TLS', () => {
    expect(readTemporalSettings({})).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'panggung',
      tls: false,
      apiKey: undefined,
    });
  });

  it('takes address, namespace and task queue from the environment', () => {
    expect(
      readTemporalSettings({
        TEMPORAL_ADDRESS: 'temporal.internal:7233',
        TEMPORAL_NAMESPACE: 'panggung-prod',
        PANGGUNG_TASK_QUEUE: 'panggung-eu',
      }),
    ).toMatchObject({
      address: 'temporal.internal:7233',
      namespace: 'panggung-prod',
      taskQueue: 'panggung-eu',
    });
  });

  it('turns TLS on for an API key (Temporal Cloud) or TEMPORAL_TLS=true', () => {
    expect(readTemporalSettings({ TEMPORAL_API_KEY: 'key' })).toMatchObject({ tls: true, apiKey: 'key' });
    expect(readTemporalSettings({ TEMPORAL_TLS: 'true' })).toMatchObject({ tls: true, apiKey: undefined });
    expect(() => readTemporalSettings({ TEMPORAL_TLS: 'yes please' })).toThrow(/TEMPORAL_TLS must be/);
  });

  it('wants a client certificate and its key together, and names the variable of an unreadable file', () => {
    expect(() => readTemporalSettings({ TEMPORAL_TLS_CERT: '/etc/client.pem' })).toThrow(
      TemporalSettingsError,
    );
    expect(() => readTemporalSettings({ TEMPORAL_TLS_KEY: '/etc/client.key' })).toThrow(
      /TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together/,
    );
    expect(() =>
      readTemporalSettings({
        TEMPORAL_TLS_CERT: '/nonexistent/client.pem',
        TEMPORAL_TLS_KEY: '/nonexistent/k',
      }),
    ).toThrow(/TEMPORAL_TLS_CERT=\/nonexistent\/client.pem cannot be read/);
  });
});
