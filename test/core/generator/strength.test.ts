// Strength estimates (zxcvbn-ts with the common and English dictionaries).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { STRENGTH_ESTIMATOR, strength } from '../../../electron/core/generator/strength';

describe('strength', () => {
  it('scores common and short passwords low and long random ones high', () => {
    for (const weak of ['password', '123456', 'qwerty', 'P@ssw0rd1', 'letmein', 'iloveyou', 'dragon']) {
      expect(strength(weak).score, weak).toBeLessThanOrEqual(2);
    }
    for (const strong of ['q8#Lm2!vZ7@xR4^tK9&w', 'correct-horse-battery-staple-lantern-mosaic']) {
      expect(strength(strong).score, strong).toBe(4);
    }
  });

  it('gives a crack time that grows with strength', () => {
    const weak = strength('password1');
    const strong = strength('q8#Lm2!vZ7@xR4^tK9&w');
    expect(weak.crackTime).not.toBe('');
    expect(strong.crackTimeSeconds).toBeGreaterThan(weak.crackTimeSeconds);
    expect(strong.guessesLog10).toBeGreaterThan(weak.guessesLog10);
  });

  it('uses context words such as the username', () => {
    expect(strength('marguerite.lindqvist', ['marguerite.lindqvist']).score).toBeLessThanOrEqual(1);
  });

  it('names the installed zxcvbn-ts release, so stored scores are dropped when it changes', () => {
    const manifest = createRequire(import.meta.url).resolve('@zxcvbn-ts/core/package.json');
    const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
    expect(STRENGTH_ESTIMATOR).toContain(`zxcvbn-ts ${version.split('.').slice(0, 2).join('.')},`);
  });
});
