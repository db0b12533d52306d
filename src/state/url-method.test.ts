import { describe, expect, it } from 'vitest';
import { defaultAppConfig } from './config';
import { parseUrl, serializeUrl } from './url';

describe('URL keys of the contrastive family: method, k, m', () => {
  it('round-trip', () => {
    const config = {
      ...defaultAppConfig,
      simclr: {
        ...defaultAppConfig.simclr,
        method: 'moco' as const,
        queueSize: 1024,
        momentum: 0.9,
      },
    };
    const link = serializeUrl(config);
    expect(link).toContain('method=moco');
    expect(link).toContain('k=1024');
    expect(link).toContain('m=0.9');
    const parsed = parseUrl(link);
    expect(parsed.invalid).toEqual([]);
    expect(parsed.config.simclr).toEqual(config.simclr);
  });

  it('refuses an unknown method or queue size, and clamps m', () => {
    const parsed = parseUrl('?method=dino&k=100&m=1.5');
    expect(parsed.invalid.sort()).toEqual(['k', 'm', 'method']);
    expect(parsed.config.simclr.method).toBe(defaultAppConfig.simclr.method);
    expect(parsed.config.simclr.queueSize).toBe(defaultAppConfig.simclr.queueSize);
    expect(parsed.config.simclr.momentum).toBeLessThan(1);
  });
});
