/** English: the lesson "LightBSR: teacher and student" and its metrics (merged in en.ts). */
export const enLessonsLightBsr = {
  'lesson.lightbsr.title': 'LightBSR: teacher and student',
  'lesson.lightbsr.1':
    'LightBSR (Yuan et al., ICCV 2025) trains in three stages. Stage 1: a teacher encoder learns by contrast, as in the DASR-style pipeline, but it also sees the degradation: the blur kernel projected onto its first 15 principal components (a PCA of random 21×21 kernels), spread as 15 constant channels beside the RGB patch. The panel shows each model’s $h$ of a grid of blur levels × contents, coloured by $\\sigma$, with two numbers: $\\eta^2$, the share of $h$’s variance that lies between blur levels (1: $h$ depends on $\\sigma$ alone), and $|\\rho|$, how well the first principal component follows $\\sigma$.',
  'lesson.lightbsr.1.q':
    'Before any training, how much of the teacher’s $h$ is explained by the blur level ($\\eta^2$)?',
  'lesson.lightbsr.1.most': 'most: $\\eta^2$ at least {teacherShareUntrained}',
  'lesson.lightbsr.1.little': 'little: the network is random',
  'lesson.lightbsr.1.why':
    'The teacher is told the answer. The 15 prior channels differ only with $\\sigma$, and even random convolutions carry them into $h$; the content of the patch hardly moves it. So $\\eta^2$ is near 1 before anything is learnt — and the teacher cannot be used at test time, when the kernel is unknown. That is what the student is for.',
  'lesson.lightbsr.2':
    'Train the teacher: InfoNCE over a MoCo queue, the prior map beside every patch.',
  'lesson.lightbsr.2.q':
    'After {budget} steps, is blur ordered along the teacher’s first principal component?',
  'lesson.lightbsr.2.ordered': 'yes: $|\\rho|$ at least {rhoOrdered}',
  'lesson.lightbsr.2.unordered': 'no: $|\\rho|$ below {rhoOrdered}, though $\\eta^2$ stays near 1',
  'lesson.lightbsr.2.why.unordered':
    'In this run $\\eta^2$ stayed near 1 while $|\\rho|$ stayed below {rhoOrdered}: the teacher keeps the blur levels apart, but not along one straight axis, so its first principal component mixes them. Contrast asks only that different degradations be far apart, not that they be ordered. In the PyTorch twin (3 seeds, {stepsStageLong} steps) the teacher’s $|\\rho|$ ranged from low to high while $\\eta^2$ stayed 1.00. The paper’s teacher then trains contrast and L1 SR jointly; this lab stops at the contrast.',
  'lesson.lightbsr.2.why.ordered':
    'In this run $|\\rho|$ reached {rhoOrdered}: the levels happen to lie along one axis. In other runs they often do not: contrast asks only that different degradations be far apart, not that they be ordered.',
  'lesson.lightbsr.3':
    'Stage 2. The teacher is frozen. A student encoder — LR patch only, no prior, four convolutions — learns to match it: KL between the softmax of the two representations at temperature 0.15, plus 0.1 × L1 between them, plus MSE between their feature maps (LightBSR’s distillation loss). Beside it, the same student from the same initial weights learns by the contrast alone, step for step: the control.',
  'lesson.lightbsr.3.q': 'After {budget} steps, which student orders blur better ($|\\rho|$)?',
  'lesson.lightbsr.3.distilled': 'the distilled one, by {distillLead} or more',
  'lesson.lightbsr.3.contrast': 'the contrast-only one, by {distillLead} or more',
  'lesson.lightbsr.3.same': 'about the same',
  'lesson.lightbsr.3.why.distilled':
    'In this run the distilled student led clearly. Its target is fixed and already a function of $\\sigma$, so matching it is a regression with a clear answer; the contrast-only student must first find out what separates degradations, against a queue of keys that is still changing. The student’s $|\\rho|$ may even pass the teacher’s: from the image alone, what predicts the teacher’s $\\sigma$-driven output is the blur itself.',
  'lesson.lightbsr.3.why.contrast':
    'In this run the contrast-only student led: the teacher’s target did not help this early. Compare the curves over the next steps.',
  'lesson.lightbsr.3.why.same':
    'In this run the two students were about level after these steps: the teacher’s target did not speed the student up here.',
  'lesson.lightbsr.4': 'Train both students on.',
  'lesson.lightbsr.4.q': 'After {budget} more steps, does the distilled student’s lead last?',
  'lesson.lightbsr.4.lasts': 'yes: it stays at least half as large',
  'lesson.lightbsr.4.closes': 'no: it shrinks to less than half',
  'lesson.lightbsr.4.why.closes':
    'In this run the contrast-only student caught up. On this data distillation buys speed, not a better end point: after a few hundred steps contrast alone orders blur about as well. A lasting lead (say 0.05 in $|\\rho|$) is what one would hope for; neither this lab nor its PyTorch twin measured one at {stepsStageLong} steps.',
  'lesson.lightbsr.4.why.lasts':
    'In this run the lead held. In longer runs it usually closes: on this data contrast alone orders blur about as well after a few hundred steps.',
  'lesson.lightbsr.5':
    'Why distil at all? At test time there is no kernel, so the teacher cannot run; the student needs only the LR image, and it is smaller. The paper makes the whole SR network light (few parameters and operations); here the idea is shown on the degradation encoder alone.',
  'lesson.lightbsr.5.q': 'The student has, compared with the teacher…',
  'lesson.lightbsr.5.third': 'under {studentParamsShare}× the parameters',
  'lesson.lightbsr.5.half': 'about half the parameters',
  'lesson.lightbsr.5.same': 'about as many parameters',
  'lesson.lightbsr.5.why':
    'Four convolutions of 8 to 64 channels against the teacher’s six of 16 to 64 on 18 input channels. The ms per step beside them are this machine’s, measured in this run: a teacher step encodes queries and keys; a distillation step encodes the batch with the student and with the frozen teacher.',
  'lesson.lightbsr.6':
    'Stage 3: an upsampler learns on the distilled student’s representation — the teacher and its prior are gone — beside the same upsampler told nothing, and one on the contrast-only student’s.',
  'lesson.lightbsr.6.q':
    'After {budget} steps, does the distilled student’s representation help the upsampler?',
  'lesson.lightbsr.6.gains': 'yes: {srGainStudent} dB or more over no condition',
  'lesson.lightbsr.6.nothing': 'less than {srGainStudent} dB',
  'lesson.lightbsr.6.why':
    'Read from the LR image alone, the student’s $h$ tells the upsampler how much to sharpen: what the teacher knew from the kernel, the student now reads from the image. Compare the contrast-only student’s gain beside it. Both waver from one evaluation to the next: over four seeds here the student’s gain after {budget} steps was 0.09 to 0.41 dB, the contrast-only student’s 0.34 to 0.44.',
  'lessons.metric.teacherShare': 'teacher: η² of h over blur levels',
  'lessons.metric.teacherRho': 'teacher: |ρ| of PC 1 against σ',
  'lessons.metric.studentRho': 'distilled student: |ρ|',
  'lessons.metric.contrastRho': 'contrast-only student: |ρ|',
  'lessons.metric.studentShare': 'distilled student: η²',
  'lessons.metric.contrastShare': 'contrast-only student: η²',
  'lessons.metric.teacherParams': 'teacher: parameters',
  'lessons.metric.studentParams': 'student: parameters',
  'lessons.metric.teacherMs': 'teacher: ms per step',
  'lessons.metric.studentMs': 'student: ms per distillation step',
  'lessons.metric.studentGain': 'SR gain on the distilled student’s h (dB)',
  'lessons.metric.contrastGain': 'SR gain on the contrast-only student’s h (dB)',
} as const;
