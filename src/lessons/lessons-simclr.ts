import { defaultSimclrConfig } from '../core/simclr/config';
import { methodDefaults } from '../core/simclr/method-defaults';
import { figures } from './figures';
import type { Lesson } from './lesson-step';
import { metric as m } from './metrics';
import type { LessonReadout } from './readout';

const noColour = { ...defaultSimclrConfig.augment, colorJitter: false, grayscale: false };
/** kNN rose by more than `by`: answers `up` / `down` ('rises' / 'stays' unless named) */
const rose =
  (by: number, up = 'rises', down = 'stays') =>
  (start: LessonReadout, end: LessonReadout) =>
    m('knn', end) > m('knn', start) + by ? up : down;
const collapsed = (end: LessonReadout) =>
  m('uniformity', end) > figures.collapsedUniformity ? 'collapse' : 'spread';

/** The SimCLR lab's lessons (the family of methods included). */
export const simclrLessons: Lesson[] = [
  {
    id: 'pairs',
    lab: 'simclr',
    steps: [
      {
        panel: 'views',
        answers: ['n15', 'n30', 'n31'],
        budget: 0,
        observe: ['views', 'negatives'],
        judge: (_, end) => `n${m('negatives', end)}`,
        expected: 'n30',
      },
      {
        panel: 'similarity',
        preset: { similarityMode: 'cosine' },
        answers: ['apart', 'same'],
        budget: 200,
        observe: ['positiveCosine', 'negativeCosine'],
        judge: (start, end) =>
          m('positiveCosine', end) - m('negativeCosine', end) >
          m('positiveCosine', start) - m('negativeCosine', start) + 0.1
            ? 'apart'
            : 'same',
        expected: 'apart',
      },
    ],
  },
  {
    id: 'head',
    lab: 'simclr',
    steps: [
      {
        panel: 'embedding',
        answers: ['rises', 'stays'],
        budget: figures.stepsShort,
        observe: ['knn'],
        judge: rose(0.1),
        expected: 'rises',
      },
      {
        panel: 'embedding',
        answers: ['high', 'low'],
        budget: 100,
        continues: true,
        observe: ['top1', 'knn'],
        judge: (_, end) => (m('top1', end) > 0.5 ? 'high' : 'low'),
        expected: 'high',
      },
    ],
  },
  {
    id: 'ntxent',
    lab: 'simclr',
    steps: [
      {
        panel: 'similarity',
        preset: { similarityMode: 'softmax' },
        answers: ['chance', 'one', 'zero'],
        budget: 0,
        observe: ['batchLoss', 'chanceLoss'],
        judge: (_, end) => {
          const loss = m('batchLoss', end);
          const nearest = [
            ['chance', m('chanceLoss', end)],
            ['one', 1],
            ['zero', 0],
          ] as const;
          return [...nearest].sort((a, b) => Math.abs(a[1] - loss) - Math.abs(b[1] - loss))[0][0];
        },
        expected: 'chance',
      },
      {
        panel: 'loss',
        preset: { similarityMode: 'softmax' },
        answers: ['below', 'on'],
        budget: 200,
        observe: ['loss', 'chanceLoss'],
        judge: (_, end) => (m('loss', end) < m('chanceLoss', end) - 0.5 ? 'below' : 'on'),
        expected: 'below',
      },
    ],
  },
  {
    id: 'temperature',
    lab: 'simclr',
    steps: [
      {
        panel: 'similarity',
        preset: { similarityMode: 'softmax' },
        answers: ['larger', 'smaller'],
        budget: 100,
        observe: ['hardestShare02', 'hardestShare005'],
        judge: (_, end) =>
          m('hardestShare005', end) > m('hardestShare02', end) ? 'larger' : 'smaller',
        expected: 'larger',
      },
      {
        panel: 'similarity',
        preset: { simclr: { temperature: 1.5 }, similarityMode: 'softmax' },
        answers: ['even', 'hardest'],
        budget: 100,
        observe: ['hardestShare15', 'uniformShare', 'hardestShare02'],
        // nearer to 1/(2N − 2) than to its share at τ 0.2
        judge: (_, end) =>
          Math.abs(m('hardestShare15', end) - m('uniformShare', end)) <
          Math.abs(m('hardestShare15', end) - m('hardestShare02', end))
            ? 'even'
            : 'hardest',
        expected: 'even',
      },
      {
        panel: 'loss',
        preset: { simclr: { temperature: 1.5 } },
        answers: ['near', 'far'],
        budget: figures.stepsShort,
        observe: ['loss', 'chanceLoss', 'knn'],
        judge: (_, end) => (m('loss', end) > m('chanceLoss', end) - 1.3 ? 'near' : 'far'),
        expected: 'near',
      },
    ],
  },
  {
    id: 'negatives',
    lab: 'simclr',
    steps: [
      {
        panel: 'loss',
        preset: { simclr: { batchSize: 8 } },
        answers: ['rises', 'stays'],
        budget: figures.stepsShort,
        observe: ['negatives', 'knn', 'loss', 'chanceLoss'],
        judge: rose(0.1),
        expected: 'rises',
      },
      {
        panel: 'similarity',
        preset: { simclr: { noNegatives: true } },
        answers: ['collapse', 'spread'],
        budget: 100,
        observe: ['uniformity', 'loss', 'positiveFloor', 'knn'],
        judge: (_, end) => collapsed(end),
        expected: 'collapse',
      },
    ],
  },
  {
    id: 'shortcut',
    lab: 'simclr',
    steps: [
      {
        panel: 'embedding',
        preset: { simclr: { augment: noColour } },
        answers: ['low', 'high'],
        budget: figures.stepsShort,
        observe: ['top1', 'knn'],
        judge: (_, end) => (m('knn', end) < figures.knnNoColour300 ? 'low' : 'high'),
        expected: 'low',
      },
      {
        // the defaults: jitter (strength 0.5) and grayscale on — strength 1 slowed learning
        // to a crawl on these shapes (twin: kNN 0.25 after 400 steps)
        panel: 'embedding',
        answers: ['higher', 'same'],
        budget: figures.stepsShort,
        observe: ['top1', 'knn'],
        judge: (_, end) => (m('knn', end) >= figures.knnLearned300 ? 'higher' : 'same'),
        expected: 'higher',
      },
    ],
  },
  {
    // the same data under each method of the family: what prevents collapse in each
    id: 'family',
    lab: 'simclr',
    steps: [
      {
        panel: 'loss',
        preset: { simclr: { method: 'simclr', batchSize: 8 } },
        answers: ['spread', 'collapse'],
        budget: figures.stepsShort,
        observe: ['knn', 'uniformity'],
        judge: (_, end) => collapsed(end),
        expected: 'spread',
      },
      {
        panel: 'moco-queue',
        preset: { simclr: { method: 'moco', batchSize: 8, queueSize: 1024 } },
        answers: ['higher', 'lower'],
        budget: figures.stepsShort,
        observe: ['knn', 'queuePerImage'],
        judge: (_, end) => (m('knn', end) >= figures.knnLearned300 ? 'higher' : 'lower'),
        expected: 'lower',
      },
      {
        panel: 'loss',
        preset: { simclr: { ...methodDefaults.simsiam, method: 'simsiam', stopGradient: true } },
        answers: ['spread', 'collapse'],
        budget: figures.stepsShort,
        observe: ['uniformity', 'knn'],
        judge: (_, end) => collapsed(end),
        expected: 'spread',
      },
      {
        panel: 'loss',
        preset: { simclr: { ...methodDefaults.simsiam, method: 'simsiam', stopGradient: false } },
        answers: ['spread', 'collapse'],
        budget: 100,
        observe: ['uniformity', 'knn'],
        judge: (_, end) => collapsed(end),
        expected: 'collapse',
      },
      {
        panel: 'embedding',
        preset: { simclr: { ...methodDefaults.byol, method: 'byol' } },
        answers: ['spread', 'collapse'],
        budget: figures.stepsLong,
        observe: ['uniformity', 'knn'],
        judge: (_, end) => collapsed(end),
        expected: 'spread',
      },
      {
        panel: 'embedding',
        preset: { simclr: { ...methodDefaults.byol, method: 'byol', projectorBatchNorm: false } },
        answers: ['above', 'below'],
        budget: figures.stepsLong,
        observe: ['knn', 'uniformity'],
        judge: rose(0.05, 'above', 'below'),
        expected: 'above',
        explainsEachOutcome: true,
      },
    ],
  },
];
