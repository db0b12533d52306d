/**
 * The figures the lesson "LightBSR: teacher and student" quotes, measured on the wasm
 * engine (claims-*.wasm.test.ts asserts each on the page's seed; lightbsr.wasm.test.ts the
 * longer run). Thresholds, not readings: the student's run shows its own.
 */
export const lightbsrFigures = {
  /** the teacher before any training: η² of its h over the blur grid at least this */
  teacherShareUntrained: 0.9,
  /** |ρ| at least this reads "ordered along one axis" (the target for the teacher) */
  rhoOrdered: 0.9,
  /** teacher contrast steps of the lesson */
  stepsTeacher: 100,
  /** distillation steps of the lesson's first comparison */
  stepsDistillEarly: 50,
  /** the distilled student's |ρ| above the contrast-only student's by at least this: a lead */
  distillLead: 0.1,
  /** more distillation steps, after which less than half the lead is left */
  stepsDistillLate: 150,
  /** the student's parameters, a share of the teacher's, below this */
  studentParamsShare: 0.4,
  /** each stage of the full-length run (lightbsr.wasm.test.ts and the PyTorch twin) */
  stepsStageLong: 400,
  /**
   * stage 3 steps of the lesson: at 150 the student's gain was 0.07–0.27 dB over seeds 1–4,
   * at 300 0.09–0.41 (seed 1, the page's: 0.38)
   */
  stepsSr: 300,
  /** stage 3: dB the distilled student's h adds over no condition, at least */
  srGainStudent: 0.2,
} as const;
