/** English: the Blind-SR lab's lessons (merged into the catalogue in en.ts). */
export const enLessonsBlindSr = {
  'lesson.degradation.title': 'Contrasting degradations',
  'lesson.degradation.1':
    'In blind super-resolution the blur and noise of an image are unknown. Here the contrast is over degradations: patches degraded the same way are positives, patches degraded differently are negatives; the content should not matter. Points are coloured by blur $\\sigma$; $|\\rho|$ measures how well the first principal component follows $\\sigma$.',
  'lesson.degradation.1.q':
    'Before any training, does the random encoder already order the patches by blur?',
  'lesson.degradation.1.low': 'hardly: $|\\rho|$ below {rhoRandom}',
  'lesson.degradation.1.high': 'already well: $|\\rho|$ {rhoRandom} or more',
  'lesson.degradation.1.why':
    'A random convolution does respond to sharpness a little, but its strongest directions follow the content of the patch, not its blur.',
  'lesson.degradation.2': 'Train stage 1.',
  'lesson.degradation.2.q': 'After {budget} steps, $|\\rho|$ is…',
  'lesson.degradation.2.rises': 'at least {rhoStage1}',
  'lesson.degradation.2.stays': 'still low',
  'lesson.degradation.2.why':
    'Telling patches of one degradation from the others forces the encoder to describe the degradation, whatever the content: the first principal component becomes blur.',
  'lesson.degradation.3':
    'Two ways to make a positive pair. The default pairs two different images degraded alike (the content-decoupled sampling of CdCL, Yuan et al., IEEE TIP 2025). Here, two patches of one LR image (DASR): they share the degradation but also their content, so the encoder could match content instead of blur.',
  'lesson.degradation.3.q': 'With positives from one image, after {budget} steps $|\\rho|$ is…',
  'lesson.degradation.3.rises': 'still at least {rhoStage1}',
  'lesson.degradation.3.stays': 'low: the encoder matched content',
  'lesson.degradation.3.why':
    'The queue’s negatives come from other images with other blurs, so content alone does not solve the task: blur is still learnt. Compare $|\\rho|$ with the previous step’s run: content-decoupled pairs leave the encoder less to match besides the blur.',
  'lesson.weights.title': 'Degradation-prior weights',
  'lesson.weights.1':
    "A negative whose blur is almost the query's is probably not a true negative. This lab weights each one by $w_j=1-\\exp\\left(-\\frac{d(q,j)^2}{2\\gamma^2}\\right)$, normalised to mean 1, and uses $$-\\log\\frac{e^{s^+/\\tau}}{e^{s^+/\\tau}+\\sum_j w_j\\,e^{s_j/\\tau}}$$ $d$ is computed from the true $\\sigma$ and noise level of each patch, so stage 1 is weakly supervised, not unsupervised. The inner ring shows $w_j$ for the current query.",
  'lesson.weights.1.q':
    'After {budget} steps, a negative whose blur is nearly the query’s gets a weight…',
  'lesson.weights.1.near0': 'near 0',
  'lesson.weights.1.one': 'about 1, like the others',
  'lesson.weights.1.above': 'above 1',
  'lesson.weights.1.why':
    '$w_j$ vanishes as $d(q,j)\\to0$: a likely false negative hardly counts, and the normalisation to mean 1 gives its share to the clearly different ones.',
  'lesson.weights.2':
    'Weighting is off, as in DASR. The released LightBSR code has no such weighting either: the weighting is this lab’s reading of the idea.',
  'lesson.weights.2.q': 'Now the negatives’ weights are…',
  'lesson.weights.2.equal': 'all equal (1)',
  'lesson.weights.2.vary': 'still different',
  'lesson.weights.2.why':
    'Without the prior every negative counts 1 and no true $\\sigma$ enters the loss: this is the plain, unsupervised InfoNCE.',
  'lesson.queue.title': 'The dynamic queue',
  'lesson.queue.1':
    'Negatives come from a queue of keys from earlier batches (MoCo). It starts with random keys (grey). Each step writes the $N=16$ new keys at the pointer and overwrites the oldest. Here $K=128$.',
  'lesson.queue.1.q': 'After {budget} steps, how much of the queue is still random keys?',
  'lesson.queue.1.none': 'none',
  'lesson.queue.1.half': 'about half',
  'lesson.queue.1.all': 'nearly all',
  'lesson.queue.1.why': '$K/N=128/16=8$ steps write a key into every slot.',
  'lesson.queue.2':
    'The key encoder moves slowly, $\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$, so the keys in the queue stay comparable although they were made by older encoders.',
  'lesson.queue.2.q': 'Train {budget} more steps: the loss…',
  'lesson.queue.2.falls': 'falls',
  'lesson.queue.2.rises': 'rises',
  'lesson.queue.2.why.rises':
    'In this run the loss rose while $|\\rho|$ rose too: the encoder did learn. As it learns, its keys spread over the blurs and the queue holds negatives whose blur is close to the query’s — harder ones — so the loss of a queue with a learning key encoder is no progress bar. $|\\rho|$ is.',
  'lesson.queue.2.why.falls':
    'In this run the loss fell: the encoder separated the degradations faster than its keys made the negatives harder. Check $|\\rho|$ beside it: the loss of a queue with a learning key encoder is no progress bar on its own.',
  'lesson.stages.title': 'Two training stages',
  'lesson.stages.1':
    'Stage 1 trains only the degradation encoder, by contrast. Its representation is what the upsampler will be told about the blur.',
  'lesson.stages.1.q': 'After {budget} steps of stage 1, is the representation ordered by blur?',
  'lesson.stages.1.rises': 'yes: $|\\rho|$ at least {rhoStage1}',
  'lesson.stages.1.stays': 'not yet',
  'lesson.stages.1.why':
    'The same contrast as in the lesson before: the encoder describes the blur.',
  'lesson.stages.2':
    "Stage 2 freezes the encoder and trains three upsamplers side by side on the same batches: one told the learned representation, the same network told nothing, and one told the true degradation (a reference). The representation scales and shifts every block's features and sets how strongly the LR input is sharpened.",
  'lesson.stages.2.q':
    'After {budget} steps of stage 2, where does the learned representation add the most PSNR?',
  'lesson.stages.2.weak': 'at weak blur',
  'lesson.stages.2.strong': 'at strong blur',
  'lesson.stages.2.same': 'about the same everywhere',
  'lesson.stages.2.why.weak':
    'In this run knowing the blur helped most where the blur is weak. A weakly blurred LR image still holds detail that the right amount of sharpening recovers, and the wrong amount ruins; under strong blur the detail is gone and no condition brings it back.',
  'lesson.stages.2.why.strong':
    'In this run knowing the blur helped most where the blur is strong: there, sharpening too little is the costly mistake. Under weak blur the upsampler told nothing already does well.',
  'lesson.stages.2.why.same':
    'In this run the gain did not depend much on the blur: the representation helps about equally at every level.',
  'lesson.stages.3':
    'The third upsampler is told the true $\\sigma$ and noise level. It is a reference, not an upper bound: it gets two numbers and still has to learn what they mean in the same few steps, while the learned representation is 64 numbers read from the LR patch itself and already arranged by stage 1.',
  'lesson.stages.3.q': 'Which gains more over the upsampler told nothing?',
  'lesson.stages.3.reference': 'the true degradation',
  'lesson.stages.3.learned': 'the learned representation',
  'lesson.stages.3.why.reference':
    'In this run the true degradation helped more: it is exact, and with enough steps the upsampler learns to use it.',
  'lesson.stages.3.why.learned':
    'In this run the learned representation beat the true degradation: a richer condition, already organised by stage 1, is easier to use in a short run than two raw numbers.',
} as const;
