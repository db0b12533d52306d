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
  'panel.lightbsr.title': 'LightBSR: teacher and student',
  'panel.lightbsr.caption':
    'PCA of each model’s degradation representation h on a fixed grid (8 blur levels × 6 contents), coloured by σ. The teacher sees the LR image and the kernel’s PCA code; the distilled student and the contrast-only student (same architecture, same initial weights) see only the LR image.',
  'lightbsr.teacher': 'Teacher (LR + kernel prior)',
  'lightbsr.student': 'Student, distilled',
  'lightbsr.contrastStudent': 'Student, contrast only',
  'lightbsr.rho': '|Spearman(σ, PC1)|: {value}',
  'lightbsr.sigmaShare': 'σ share of variance η²: {value}',
  'lightbsr.waiting': 'The embeddings appear after the first evaluation (every 20 steps).',
  'lightbsr.distillation': 'Distillation terms (each scaled to its own maximum)',
  'lightbsr.noDistillation': 'No distillation step yet: stage 2 trains the student.',
  'lightbsr.term.kl': 'KL',
  'lightbsr.term.l1': 'L1',
  'lightbsr.term.mse': 'MSE',
  'lightbsr.params': '{value} weights (encoder)',
  'lightbsr.msPerStep': '{value} ms/step',
  'lightbsr.sr.bicubic': 'bicubic',
  'lightbsr.sr.without': 'SR without condition',
  'lightbsr.sr.contrastStudent': 'SR on the contrast-only student',
  'lightbsr.sr.student': 'SR on the distilled student',
  'lightbsr.sr.oracle': 'SR on the true σ',
  'panel.lightbsr.measured':
    'Measured in the PyTorch twin (3 seeds, 400 steps a stage): σ explains all of the teacher’s variance (η² 1.00), yet its |ρ| is 0.04–0.86 — given the kernel code, the contrast spreads blur levels apart in many directions, not along one axis. The distilled student reaches |ρ| 0.91, the contrast-only student 0.93: distillation leads early (0.89 vs 0.85 at 200 steps) but not at 400. SR gain over no condition: +0.57 dB on the distilled student, +0.51 dB on the contrast-only one.',
  'stage.lightbsr.batch': 'batch — HR crops degraded, the LR patches this stage trains on',
  'stage.lightbsr.signal':
    'what it learns from — stage 1: the prior map; 2: the teacher’s h; 3: the HR target',
  'stage.lightbsr.update': 'update — one step of the current stage',
  'lightbsr.stage.caption.1':
    'Stage 1 (teacher): each LR patch goes in with its kernel’s 15 PCA codes, spread as constant channels beside RGB.',
  'lightbsr.stage.caption.2':
    'Stage 2 (student): the LR patch alone; the target is the frozen teacher’s h of the same patch (its kernel code included).',
  'lightbsr.stage.caption.3':
    'Stage 3 (SR): the LR patch and the student’s h of the LR image in, the HR patch as the L1 target.',
  'lightbsr.stage.prior': 'prior map: 15 codes',
  'lightbsr.stage.target': 'teacher’s h: 64 values',
  'lightbsr.stage.noTarget': 'the teacher’s h comes with the first distillation step',
  'lightbsr.stage.hr': 'HR target',
  'lightbsr.stage.batch': 'What stage {stage} trains on',
} as const;
