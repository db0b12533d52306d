import { figures } from './figures';
import type { Lesson } from './lesson-step';
import { metric as m } from './metrics';

/** The Blind-SR lab's lessons. */
export const blindsrLessons: Lesson[] = [
  {
    id: 'degradation',
    lab: 'blindsr',
    steps: [
      {
        panel: 'bsr-embedding',
        preset: { blindsr: { stage: 1 } },
        answers: ['low', 'high'],
        budget: 0,
        observe: ['rho'],
        judge: (_, end) => (m('rho', end) < figures.rhoRandom ? 'low' : 'high'),
        expected: 'low',
      },
      {
        panel: 'bsr-embedding',
        answers: ['rises', 'stays'],
        budget: figures.stepsShort,
        observe: ['rho'],
        judge: (_, end) => (m('rho', end) >= figures.rhoStage1 ? 'rises' : 'stays'),
        expected: 'rises',
      },
      {
        panel: 'bsr-embedding',
        preset: { blindsr: { pairing: 'image' } },
        answers: ['rises', 'stays'],
        budget: figures.stepsShort,
        observe: ['rho'],
        judge: (_, end) => (m('rho', end) >= figures.rhoStage1 ? 'rises' : 'stays'),
        expected: 'rises',
      },
    ],
  },
  {
    id: 'weights',
    lab: 'blindsr',
    steps: [
      {
        panel: 'queue',
        preset: { blindsr: { weighting: true } },
        answers: ['near0', 'one', 'above'],
        budget: 40,
        observe: ['weightMin', 'weightMax'],
        judge: (_, end) => (m('weightMin', end) < 0.3 ? 'near0' : 'one'),
        expected: 'near0',
      },
      {
        panel: 'queue',
        preset: { blindsr: { weighting: false } },
        answers: ['equal', 'vary'],
        budget: 40,
        observe: ['weightMin', 'weightMax'],
        judge: (_, end) =>
          Math.abs(m('weightMax', end) - m('weightMin', end)) < 1e-6 ? 'equal' : 'vary',
        expected: 'equal',
      },
    ],
  },
  {
    id: 'queue',
    lab: 'blindsr',
    steps: [
      {
        panel: 'queue',
        preset: { blindsr: { queueSize: 128 } },
        answers: ['none', 'half', 'all'],
        // K/N = 128/16 = 8 steps replace every random key
        budget: 10,
        observe: ['randomKeys'],
        judge: (_, end) =>
          m('randomKeys', end) === 0 ? 'none' : m('randomKeys', end) < 1 ? 'half' : 'all',
        expected: 'none',
      },
      {
        panel: 'bsr-loss',
        preset: { blindsr: { queueSize: 128 } },
        answers: ['falls', 'rises'],
        budget: 150,
        continues: true,
        observe: ['loss', 'rho'],
        judge: (start, end) => (m('loss', end) < m('loss', start) ? 'falls' : 'rises'),
        expected: 'rises',
        explainsEachOutcome: true,
      },
    ],
  },
  {
    id: 'stages',
    lab: 'blindsr',
    steps: [
      {
        panel: 'bsr-embedding',
        preset: { blindsr: { stage: 1 } },
        answers: ['rises', 'stays'],
        budget: figures.stepsShort,
        observe: ['rho'],
        judge: (_, end) => (m('rho', end) >= figures.rhoStage1 ? 'rises' : 'stays'),
        expected: 'rises',
      },
      {
        panel: 'sr',
        preset: { blindsr: { stage: 2 } },
        answers: ['weak', 'strong', 'same'],
        budget: 150,
        continues: true,
        observe: ['gainWeakBlur', 'gainStrongBlur', 'gain'],
        // the run decides: the explanation follows whichever way it went. Measured on the
        // default seed: weak 0.38–0.40 dB, strong 0.19–0.20 at 150 steps; at 250 steps weak
        // 0.08, strong 0.21 (it moves as the upsamplers learn). Within 0.1 dB is "the same".
        judge: (_, end) => {
          const difference = m('gainWeakBlur', end) - m('gainStrongBlur', end);
          return difference > 0.1 ? 'weak' : difference < -0.1 ? 'strong' : 'same';
        },
        expected: 'weak',
        explainsEachOutcome: true,
      },
      {
        panel: 'sr',
        preset: { blindsr: { stage: 2 } },
        answers: ['reference', 'learned'],
        budget: 0,
        continues: true,
        observe: ['gain', 'referenceGain'],
        judge: (_, end) => (m('referenceGain', end) > m('gain', end) ? 'reference' : 'learned'),
        expected: 'learned',
        explainsEachOutcome: true,
      },
    ],
  },
];
