/** English: the LightBSR pipeline of the Blind-SR lab (teacher, student, distillation). */
export const enLightBsr = {
  'bsr.pipeline': 'Pipeline',
  'bsr.pipeline.dasr': 'DASR: one encoder by contrast, then SR',
  'bsr.pipeline.lightbsr': 'LightBSR: teacher with kernel prior → distilled student → SR',
  'bsr.pipeline.help':
    'LightBSR’s teacher sees the LR image and the blur kernel’s PCA code; a lighter student that sees only the LR image learns to match it (KL, L1, feature MSE), and SR is conditioned on the student.',
  // DASR offers stages 1–2; a LightBSR stage 3 in a DASR link is read as its SR stage
  'bsr.stage.3': '3 · SR with the student (LightBSR)',
  'bsr.lightbsrStage.1': '1 · teacher contrast (LR + kernel prior)',
  'bsr.lightbsrStage.2': '2 · student distillation',
  'bsr.lightbsrStage.3': '3 · SR with the student',
} as const;
