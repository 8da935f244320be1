import { describe, expect, it } from 'vitest';
import { PERSON_SETTINGS } from './person-settings.ts';
import { type LinkageSettings, SettingsError, validateSettings } from './settings.ts';

function withChange(change: (settings: LinkageSettings) => void): LinkageSettings {
  const copy = structuredClone(PERSON_SETTINGS);
  change(copy);
  return copy;
}

describe('settings', () => {
  it('accepts the default person settings and survives JSON', () => {
    expect(validateSettings(JSON.parse(JSON.stringify(PERSON_SETTINGS)))).toEqual(PERSON_SETTINGS);
  });

  it.each([
    [
      'a level kind foreign to the column',
      (s: LinkageSettings) => {
        s.fields[1]?.levels.unshift({ label: 'x', kind: 'day_month_swapped' });
      },
      /does not apply to nik/,
    ],
    [
      'else not last',
      (s: LinkageSettings) => {
        s.fields[3]?.levels.reverse();
      },
      /"else" must be the last/,
    ],
    [
      'a similarity without threshold',
      (s: LinkageSettings) => {
        s.fields[0]?.levels.splice(0, 0, { label: 'x', kind: 'similarity' });
      },
      /threshold/,
    ],
    [
      'an unknown blocking key',
      (s: LinkageSettings) => {
        s.blockingRules.push({ name: 'x', keys: ['shoe_size' as 'nik'] });
      },
      /unknown key "shoe_size"/,
    ],
    [
      'a field no training rule can estimate',
      (s: LinkageSettings) => {
        s.trainingRules = [{ name: 'nik', keys: ['nik'] }];
      },
      /field "nik" is blocked on by every training rule/,
    ],
    [
      'term frequency on a date',
      (s: LinkageSettings) => {
        const level = s.fields[2]?.levels[0];
        if (level) level.termFrequency = true;
      },
      /term frequency/,
    ],
    [
      'thresholds out of order',
      (s: LinkageSettings) => {
        s.reviewThreshold = 0.99;
      },
      /thresholds/,
    ],
  ])('rejects %s', (_name, change, message) => {
    expect(() => validateSettings(withChange(change))).toThrow(SettingsError);
    expect(() => validateSettings(withChange(change))).toThrow(message);
  });
});
