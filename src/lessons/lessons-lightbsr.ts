import { figures } from './figures';
import type { Lesson } from './lesson-step';
import { metric as m } from './metrics';

const teacher = { blindsr: { pipeline: 'lightbsr', stage: 1 } } as const;
const student = { blindsr: { pipeline: 'lightbsr', stage: 2 } } as const;
const lead = (r: Parameters<typeof m>[1]) => m('studentRho', r) - m('contrastRho', r);

/**
 * LightBSR (Yuan et al., ICCV 2025): a teacher that sees the degradation, a light student
 * distilled from it, SR on the student. One run, walked stage by stage.
 */
export const lightbsrLesson: Lesson = {
  id: 'lightbsr',
  lab: 'blindsr',
  steps: [
    {
      panel: 'lightbsr',
      preset: teacher,
      answers: ['most', 'little'],
      budget: 0,
      observe: ['teacherShare', 'teacherRho'],
      judge: (_, end) =>
        m('teacherShare', end) >= figures.teacherShareUntrained ? 'most' : 'little',
      expected: 'most',
    },
    {
      panel: 'lightbsr',
      preset: teacher,
      answers: ['ordered', 'unordered'],
      budget: figures.stepsTeacher,
      continues: true,
      observe: ['teacherShare', 'teacherRho'],
      judge: (_, end) => (m('teacherRho', end) >= figures.rhoOrdered ? 'ordered' : 'unordered'),
      expected: 'unordered',
      explainsEachOutcome: true,
    },
    {
      panel: 'lightbsr',
      preset: student,
      answers: ['distilled', 'contrast', 'same'],
      budget: figures.stepsDistillEarly,
      continues: true,
      observe: ['studentRho', 'contrastRho', 'studentShare', 'contrastShare'],
      judge: (_, end) =>
        lead(end) >= figures.distillLead
          ? 'distilled'
          : lead(end) <= -figures.distillLead
            ? 'contrast'
            : 'same',
      expected: 'distilled',
      explainsEachOutcome: true,
    },
    {
      panel: 'lightbsr',
      preset: student,
      answers: ['lasts', 'closes'],
      budget: figures.stepsDistillLate,
      continues: true,
      observe: ['studentRho', 'contrastRho'],
      // the lead the previous step ended with: does at least half of it remain?
      judge: (start, end) => (lead(end) >= lead(start) / 2 ? 'lasts' : 'closes'),
      expected: 'closes',
      explainsEachOutcome: true,
    },
    {
      panel: 'lightbsr',
      preset: student,
      answers: ['third', 'half', 'same'],
      budget: 0,
      continues: true,
      observe: ['teacherParams', 'studentParams', 'teacherMs', 'studentMs'],
      judge: (_, end) => {
        const share = m('studentParams', end) / m('teacherParams', end);
        return share < figures.studentParamsShare ? 'third' : share < 0.75 ? 'half' : 'same';
      },
      expected: 'third',
    },
    {
      panel: 'lightbsr',
      preset: { blindsr: { pipeline: 'lightbsr', stage: 3 } },
      answers: ['gains', 'nothing'],
      budget: figures.stepsSr,
      continues: true,
      observe: ['studentGain', 'contrastGain'],
      judge: (_, end) => (m('studentGain', end) >= figures.srGainStudent ? 'gains' : 'nothing'),
      expected: 'gains',
    },
  ],
};
