import { describe, expect, it } from 'vitest';
import { catalogues } from '../i18n';
import { blindsrStages, lessonKeys, lessons, lightbsrStages, simclrStages } from './lessons';
import { figures } from './figures';
import { splitMath } from './math';
import { metrics } from './metrics';

describe('lessons', () => {
  it('every lesson step has its text in both languages', () => {
    for (const lesson of lessons)
      for (const key of lessonKeys(lesson))
        for (const [language, catalogue] of Object.entries(catalogues)) {
          expect((catalogue as Record<string, string>)[key], `${language}: ${key}`).toBeTruthy();
        }
  });

  it('covers every concept of the seed, in both labs', () => {
    expect(lessons.map((l) => l.id)).toEqual([
      'pairs',
      'head',
      'ntxent',
      'temperature',
      'negatives',
      'shortcut',
      'family',
      'batch',
      'projection',
      'augment',
      'falseneg',
      'momentum',
      'metrics',
      'degradation',
      'weights',
      'queue',
      'stages',
      'lightbsr',
    ]);
    expect(new Set(lessons.map((l) => l.lab))).toEqual(new Set(['simclr', 'blindsr']));
  });

  it('a step budget in the text is the step’s own ({budget}), every {name} a figure', () => {
    for (const [language, catalogue] of Object.entries(catalogues))
      for (const lesson of lessons)
        for (const key of lessonKeys(lesson)) {
          const text = (catalogue as Record<string, string>)[key];
          expect(text, `${language}: ${key}`).not.toMatch(/\d+( more| training)? steps|\d+ 步/);
          const prose = splitMath(text)
            .filter((part) => part.kind === 'text')
            .map((part) => part.value)
            .join(' ');
          for (const [, name] of prose.matchAll(/\{(\w+)\}/g))
            expect(name === 'budget' || name in figures, `${key}: {${name}}`).toBe(true);
        }
  });

  it('every metric a step observes has a label in both languages', () => {
    for (const catalogue of Object.values(catalogues))
      for (const id of Object.keys(metrics))
        expect((catalogue as Record<string, string>)[`lessons.metric.${id}`], id).toBeTruthy();
  });

  it('every stage has a name in both languages', () => {
    for (const [lab, stages] of [
      ['simclr', simclrStages],
      ['blindsr', blindsrStages],
      ['lightbsr', lightbsrStages],
    ] as const)
      for (const stage of stages)
        for (const catalogue of Object.values(catalogues))
          expect((catalogue as Record<string, string>)[`stage.${lab}.${stage.id}`]).toBeTruthy();
  });

  it('formulas are balanced: every lesson text splits into prose and math', () => {
    for (const catalogue of Object.values(catalogues))
      for (const lesson of lessons)
        for (const key of lessonKeys(lesson)) {
          const text = (catalogue as Record<string, string>)[key];
          const parts = splitMath(text);
          const prose = parts
            .filter((p) => p.kind === 'text')
            .map((p) => p.value)
            .join('');
          expect(prose.includes('$'), key).toBe(false);
        }
    expect(splitMath('a $x$ b $$y$$')).toEqual([
      { kind: 'text', value: 'a ' },
      { kind: 'inline', value: 'x' },
      { kind: 'text', value: ' b ' },
      { kind: 'display', value: 'y' },
    ]);
  });
});
