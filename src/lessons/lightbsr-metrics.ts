import type { LessonReadout } from './readout';

const finite = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? value : null;

/** SR gain (dB over the same network told nothing) of one student's upsampler, stage 3 */
function gainOf(r: LessonReadout, which: 'student' | 'contrastStudent'): number | null {
  const sr = r.lightbsr?.evaluation.sr?.[which];
  return sr ? sr.psnrSr - sr.psnrSrWithoutRepresentation : null;
}

/** The quantities the LightBSR lesson observes (spread into `metrics`, metrics.ts). */
export const lightbsrMetrics = {
  /** η² of the teacher's h over the blur grid */
  teacherShare: {
    digits: 3,
    read: (r: LessonReadout) => finite(r.lightbsr?.evaluation.teacher.sigmaShare),
  },
  teacherRho: { digits: 2, read: (r: LessonReadout) => finite(r.lightbsr?.evaluation.teacher.rho) },
  studentRho: { digits: 2, read: (r: LessonReadout) => finite(r.lightbsr?.evaluation.student.rho) },
  contrastRho: {
    digits: 2,
    read: (r: LessonReadout) => finite(r.lightbsr?.evaluation.contrastStudent.rho),
  },
  studentShare: {
    digits: 2,
    read: (r: LessonReadout) => finite(r.lightbsr?.evaluation.student.sigmaShare),
  },
  contrastShare: {
    digits: 2,
    read: (r: LessonReadout) => finite(r.lightbsr?.evaluation.contrastStudent.sigmaShare),
  },
  teacherParams: {
    digits: 0,
    read: (r: LessonReadout) => finite(r.lightbsr?.readouts.teacher.params),
  },
  studentParams: {
    digits: 0,
    read: (r: LessonReadout) => finite(r.lightbsr?.readouts.student.params),
  },
  teacherMs: {
    digits: 0,
    read: (r: LessonReadout) => finite(r.lightbsr?.readouts.teacher.msPerStep),
  },
  studentMs: {
    digits: 0,
    read: (r: LessonReadout) => finite(r.lightbsr?.readouts.student.msPerStep),
  },
  /** stage 3: dB the distilled student's h adds, and the contrast-only student's */
  studentGain: { digits: 2, read: (r: LessonReadout) => gainOf(r, 'student') },
  contrastGain: { digits: 2, read: (r: LessonReadout) => gainOf(r, 'contrastStudent') },
} satisfies Record<string, { digits: number; read: (r: LessonReadout) => number | null }>;
