import { describe, expect, it } from 'vitest';
import { deviceName } from './device-name';

describe('deviceName', () => {
  it('names the browsers and systems cooperative managers actually use', () => {
    expect(
      deviceName('Mozilla/5.0 (Linux; Android 10; Redmi 9A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'),
    ).toEqual({
      browser: 'Chrome',
      system: 'Android',
    });
    expect(
      deviceName(
        'Mozilla/5.0 (Linux; Android 11; SM-A125F) AppleWebKit/537.36 Chrome/108.0 Mobile Safari/537.36 Zalo android/12100 ZaloTheme/light',
      ),
    ).toEqual({ browser: 'Zalo', system: 'Android' });
    expect(
      deviceName('Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 Version/16.6 Mobile/15E148 Safari/604.1'),
    ).toEqual({
      browser: 'Safari',
      system: 'iOS',
    });
    expect(
      deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/118.0 Safari/537.36 coc_coc_browser/118.0'),
    ).toEqual({
      browser: 'Cốc Cốc',
      system: 'Windows',
    });
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0')).toEqual({
      browser: 'Edge',
      system: 'Windows',
    });
  });

  it('says nothing rather than guessing for an API client or a missing description', () => {
    expect(deviceName(null)).toEqual({ browser: null, system: null });
    expect(deviceName('node')).toEqual({ browser: null, system: null });
  });
});
