/** English: the Blind-SR lab's controls and panels (merged into the catalogue in en.ts). */
export const enBlindSr = {
  'bsr.stage': 'Training stage',
  'bsr.stage.1': '1 · degradation contrast',
  'bsr.stage.2': '2 · super-resolution',
  'bsr.stage.help':
    'Stage 1 trains the degradation encoder by contrast. Stage 2 freezes it and trains the upsampler it conditions.',
  'bsr.scale': 'Scale',
  'bsr.blurKind': 'Blur kernel',
  'bsr.blurKind.isotropic': 'isotropic Gaussian',
  'bsr.blurKind.anisotropic': 'anisotropic Gaussian',
  'bsr.sigmaMin': 'Smallest blur σ',
  'bsr.sigmaMax': 'Largest blur σ',
  'bsr.noiseMax': 'Noise up to (0–255)',
  'bsr.queueSize': 'Queue size K',
  'bsr.queueSize.help':
    'How many past keys serve as negatives (MoCo). Changing it rebuilds the model.',
  'bsr.momentum': 'Key-encoder momentum m',
  'bsr.momentum.help':
    'θk ← m·θk + (1 − m)·θq. Close to 1: slowly changing, consistent keys in the queue.',
  'bsr.learningRate': 'Encoder learning rate',
  'bsr.learningRate.help': 'Adam step size of stage 1, and of the encoder when fine-tuned jointly.',
  'bsr.srLearningRate': 'Upsampler learning rate',
  'bsr.srLearningRate.help': 'Adam step size of the three stage-2 upsamplers.',
  'bsr.weightWidth': 'Negative weighting width γ',
  'bsr.batchSize': 'HR crops per step',
  'bsr.temperature': 'Temperature τ',
  'bsr.finetune': 'Fine-tune the encoder jointly (L1 + contrast)',
  'bsr.finetune.help':
    'Off (default): the degradation encoder is frozen after stage 1 and the upsamplers learn to use its representation — the comparison with and without it stays fair. On: every step also takes a contrastive step and lets the L1 loss reach the encoder, as the seed paper optimises the whole model; the representation then drifts towards what the upsampler needs.',
  'bsr.weighting': 'Degradation-prior weighted negatives',
  'bsr.weighting.help':
    "This playground's form of LightBSR's idea (released LightBSR code has no weighting): a negative with nearly the query's degradation — a likely false negative — counts little. The weights read each patch’s true σ and noise level, so with them stage 1 is weakly supervised, not unsupervised.",
  'bsr.pairing': 'Positive pairs',
  'bsr.pairing.image': 'two patches of one LR image (DASR)',
  'bsr.pairing.degradation': 'two images degraded alike (CdCL, content-decoupled)',
  'bsr.pairing.help':
    'Patches of one image also share content, a shortcut: the encoder can match content instead of blur. Content-decoupled sampling (CdCL, Yuan et al., IEEE TIP 2025) pairs two different images degraded alike, which leaves only the degradation in common.',
  'panel.degradation.title': 'Degradation: HR → kernel → LR → patches',
  'panel.degradation.caption':
    'Each HR crop is blurred by its kernel, down-sampled and given noise. The red (query) and blue (key) patches are a positive pair: the same degradation. ⇄ marks a key taken from another image degraded the same way.',
  'panel.degradation.params': 'σ {sigma} · noise {noise}',
  'panel.queue.title': 'Queue of negatives',
  'panel.queue.caption':
    'K keys in a ring, oldest overwritten first (arrow: write pointer). Outer ring: blur σ of each entry (grey: random start). Inner ring: its weight for the current query.',
  'panel.queue.fill': '{percent} % real keys',
  'panel.queue.query': 'current query σ {sigma}',
  'panel.queue.weightsOff': 'weighting off: every negative counts 1',
  'panel.bsrEmbedding.title': 'Degradation embedding (PCA)',
  'panel.bsrEmbedding.caption':
    'Representations of a fixed grid: 8 blur levels × 6 contents, coloured by σ. Learned: ordered by blur, not by content.',
  'panel.bsrEmbedding.spearman': '|Spearman(σ, PC1)|: {value}',
  'panel.sr.title': 'Super-resolution ×{scale}',
  'panel.sr.caption':
    'Held-out crops at eight blur levels (8 each). Three upsamplers train side by side on the same batches: without a condition, conditioned on the learned degradation representation, and conditioned on the true degradation — a reference, not an upper bound: it gets σ and the noise level as two numbers and must still learn what they mean in the same steps, so the learned representation can beat it.',
  'panel.sr.low': 'LR',
  'panel.sr.bicubic': 'bicubic',
  'panel.sr.sr': 'SR',
  'panel.sr.hr': 'HR',
  'panel.sr.method.bicubic': 'bicubic',
  'panel.sr.method.without': 'SR without the representation',
  'panel.sr.method.learned': 'SR with the learned representation',
  'panel.sr.method.oracle': 'SR with the true degradation (reference)',
  'panel.sr.gain': 'gain from the representation',
  'panel.sr.bySigma': 'PSNR (dB) by blur level σ of the held-out set',
  'panel.sr.exampleSigma':
    'Example crop: blur σ {sigma}; SR shown is the one with the learned representation.',
  'panel.sr.stage1': 'Switch to stage 2 to train the upsampler.',
  'panel.bsrLoss.title': 'Training curves',
  'panel.bsrLoss.contrast': 'stage 1: InfoNCE with the queue',
  'panel.bsrLoss.l1': 'stage 2: L1(SR, HR)',
  'panel.bsrLoss.chance': 'log(K + 1): random encoder',
  'panel.bsrLoss.spearman': '|Spearman(σ, PC1)|',
  'panel.bsrLoss.risesFirst':
    'The loss first rises as real keys replace the random start of the queue, then falls (DASR maintainers).',
  'panel.degradation.partner': 'another image, degraded with the same kernel and noise',
  'panel.degradation.kernel': 'blur kernel',
} as const;
