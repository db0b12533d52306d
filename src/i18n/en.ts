/** English catalogue: the source of every key. `{name}` marks a value put in at run time. */
export const en = {
  'app.title': 'Contrastive Playground',
  'app.tagline':
    'Watch contrastive learning train, live, in your browser. Nothing leaves this page.',
  'lab.simclr': 'SimCLR',
  'lab.blindsr': 'Blind SR (LightBSR)',
  'lab.label': 'Lab',
  'language.label': 'Language',
  'share.button': 'Copy link',
  'share.copied': 'Link copied',
  'share.failed': 'Copy failed — the link is in the address bar',

  'backend.label': 'Backend',
  'backend.starting': 'Starting the training worker…',
  'backend.threads': '{threads} threads',
  'backendReason.forced': 'chosen by the link (?backend=)',
  'backendReason.gpuAdapter': 'a real GPU adapter was found',
  'backendReason.softwareAdapter':
    'the WebGPU adapter is a software fallback (no real GPU) — running on the CPU with WebAssembly, which is faster here',
  'backendReason.noWebgpuHardwareWebgl':
    'WebGPU is unavailable in this browser — running on WebGL, training will be slower',
  'backendReason.noGpu': 'no GPU found — running on the CPU with WebAssembly',
  'backendReason.noWasm': 'WebAssembly is unavailable — training will be slow',
  'backendReason.fellBack': '{requested} failed to start — fell back',

  'transport.play': 'Play',
  'transport.pause': 'Pause',
  'transport.step': 'Step',
  'transport.reset': 'Reset',
  'transport.stepCount': 'Step',
  'transport.loss': 'Loss',
  'transport.speed': '{rate} steps/s',
  'transport.msPerStep': '{ms} ms/step',
  'transport.loading': 'Preparing data and model…',

  'controls.title': 'Settings',
  'controls.temperature': 'Temperature τ',
  'controls.temperature.help':
    'Divides every similarity before the softmax. Small τ: the softmax concentrates on the hardest negatives. Changes the matrix and loss at once.',
  'controls.batchSize': 'Images per batch N',
  'controls.batchSize.help':
    'N images → 2N views; each anchor has 1 positive and 2N − 2 negatives. Changing it rebuilds the model.',
  'controls.learningRate': 'Learning rate',
  'controls.learningRate.help': 'Adam step size.',
  'controls.noNegatives': 'No negatives (positive term only)',
  'controls.noNegatives.help':
    'Drop the denominator: nothing pushes views apart, so the embedding collapses. Watch uniformity rise to 0.',
  'controls.seed': 'Seed',
  'controls.seed.help': 'One seed, one run: data, augmentations and initial weights.',
  'controls.augmentations': 'Augmentations',
  'controls.crop': 'Random resized crop',
  'controls.crop.help':
    'Crop area between the minimum and the whole image, aspect 3/4–4/3, resized back.',
  'controls.cropMinArea': 'Smallest crop area',
  'controls.flip': 'Horizontal flip (p = 0.5)',
  'controls.colorJitter': 'Colour jitter (p = 0.8)',
  'controls.colorJitter.help':
    'Brightness, contrast, saturation and hue in random order. Without it, colour is a shortcut.',
  'controls.colorStrength': 'Colour strength s',
  'controls.grayscale': 'Grayscale (p = 0.2)',
  'controls.blur': 'Gaussian blur (p = 0.5, σ 0.1–2)',
  'controls.dataset': 'Data set',
  'dataset.shapes': 'Shapes (labelled)',
  'dataset.photos': 'Photos (crops)',
  'dataset.uploads': 'My images',

  'panel.views.title': 'Augmented views',
  'panel.views.caption':
    'Each image (left) and its two random views. Hover a view for its crop box and parameters.',
  'panel.views.params':
    'crop {w}×{h} at ({x}, {y}) · flip {flip} · jitter {jitter} · grey {grey} · blur {blur}',
  'panel.views.yes': 'yes',
  'panel.views.no': 'no',
  'panel.similarity.title': 'Similarity matrix (2N × 2N)',
  'panel.similarity.caption':
    'Row = anchor view, column = candidate. Outlined: the positive (the other view of the same image). Grey diagonal: self, excluded. Click a row.',
  'panel.similarity.mode': 'Show',
  'panel.similarity.mode.cosine': 'cosine s_ij',
  'panel.similarity.mode.logits': 'logits s_ij / τ',
  'panel.similarity.mode.softmax': 'row softmax',
  'panel.similarity.hover': 'row {row} · column {column} · {value}',
  'panel.similarity.batchLoss': 'NT-Xent at τ = {tau}: {loss}',
  'panel.softmax.title': 'Softmax of anchor {row} over its {count} candidates',
  'panel.softmax.loss': 'ℓ = −log p(positive) = {loss}',
  'panel.softmax.positive': 'positive',
  'panel.softmax.close': 'Close',
  'panel.loss.title': 'Training curves',
  'panel.loss.loss': 'NT-Xent loss (mean over 2N anchors)',
  'panel.loss.chance': 'log(2N − 1): random encoder',
  'panel.loss.accuracy': 'positive top-1 accuracy',
  'panel.loss.alignment': 'alignment',
  'panel.loss.uniformity': 'uniformity',
  'panel.loss.empty': 'Press Play or Step to start training.',
  'panel.metrics.accuracy': 'Positive top-1',
  'panel.metrics.alignment': 'Alignment',
  'panel.metrics.uniformity': 'Uniformity',
  'panel.metrics.knn': 'kNN accuracy (h, held-out)',
  'panel.metrics.knn.help':
    '5-nearest-neighbour class accuracy of the encoder output h on held-out images. Chance is 1 / classes.',
  'panel.embedding.title': 'Embedding of h (PCA)',
  'panel.embedding.caption':
    'Encoder outputs h of every image, projected on their first two principal components, coloured by class.',
  'panel.embedding.explained': 'PC1 {pc1} %, PC2 {pc2} % of variance',
  'panel.embedding.heldOut': 'held-out',

  'error.title': 'Training stopped',
  'error.crash': 'The training worker failed: {message}. Your settings and images are kept.',
  'error.outOfMemory':
    'The training worker ran out of memory: {message}. Try a smaller batch or image size.',
  'error.nonFinite':
    'The loss became NaN or infinite ({message}). The weights blew up — a learning rate that is too high is the usual cause. Lower it and reset.',
  'error.backend': 'No backend could start: {message}',
  'error.data': 'The data could not be used: {message}',
  'error.restart': 'Restart training',
  'error.restartOn': 'Restart on {backend}',
  'notice.badLink':
    'Some settings in the link were invalid and were replaced by defaults: {fields}.',
  'notice.dismiss': 'Dismiss',
  'dataset.textures': 'Procedural textures',
  'controls.hrSource': 'HR images',
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
  'bsr.temperature': 'Temperature τ',
  'bsr.weighting': 'Degradation-prior weighted negatives',
  'bsr.weighting.help':
    "This playground's form of LightBSR's idea (released LightBSR code has no weighting): a negative with nearly the query's degradation — a likely false negative — counts little.",
  'bsr.pairing': 'Positive pairs',
  'bsr.pairing.image': 'two patches of one LR image (DASR)',
  'bsr.pairing.degradation': 'two images, same degradation',
  'bsr.pairing.help':
    'Patches of one image also share content, a shortcut; pairing different images degraded alike leaves only the degradation in common.',
  'panel.degradation.title': 'Degradation: HR → kernel → LR → patches',
  'panel.degradation.caption':
    'Each HR crop is blurred by its kernel, down-sampled and given noise. The two outlined patches are a positive pair.',
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
  'panel.sr.caption': 'Held-out crops. PSNR averaged over the held-out set.',
  'panel.sr.low': 'LR',
  'panel.sr.bicubic': 'bicubic',
  'panel.sr.sr': 'SR',
  'panel.sr.hr': 'HR',
  'panel.sr.withoutRepresentation': 'SR without the representation',
  'panel.sr.stage1': 'Switch to stage 2 to train the upsampler.',
  'panel.bsrLoss.title': 'Training curves',
  'panel.bsrLoss.contrast': 'stage 1: InfoNCE with the queue',
  'panel.bsrLoss.l1': 'stage 2: L1(SR, HR)',
  'panel.bsrLoss.chance': 'log(K + 1): random encoder',
  'panel.bsrLoss.spearman': '|Spearman(σ, PC1)|',
  'panel.bsrLoss.risesFirst':
    'The loss first rises as real keys replace the random start of the queue, then falls (DASR maintainers).',
  'upload.title': 'Your images',
  'upload.hint':
    'Drop images anywhere on the page or choose them. PNG, JPEG, WebP, GIF (first frame), BMP; up to {max} files of {megabytes} MB, at least {min}×{min} pixels. Large images are scaled down.',
  'upload.choose': 'Choose images…',
  'upload.busy': 'Reading images…',
  'upload.remove': 'Remove {name}',
  'upload.topUp': 'With fewer than {min} images of your own, the built-in photos fill the set.',
  'upload.privacy':
    'Your images stay in this browser (stored locally until you remove them); nothing is uploaded anywhere.',
  'upload.error.empty': 'the file is empty (0 bytes)',
  'upload.error.tooLarge': 'larger than {megabytes} MB',
  'upload.error.svg': 'SVG is a vector format and is not used here: export it as PNG first',
  'upload.error.notImage': 'not an image this page can read (PNG, JPEG, WebP, GIF or BMP)',
  'upload.error.corrupt': 'the image could not be decoded: the file is truncated or corrupt',
  'upload.error.tooSmall': '{width}×{height} is smaller than the {min}×{min} the labs crop',
  'upload.error.tooManyPixels': '{width}×{height} is too many pixels to decode safely',
  'upload.error.tooMany': 'at most {max} images can be kept: remove some first',
  'lessons.button': 'Lessons',
  'lessons.title': 'Guided lessons',
  'lessons.choose': 'Lesson',
  'lessons.next': 'Next',
  'lessons.previous': 'Back',
  'lessons.close': 'Close',
  'lessons.progress': 'Step {n} of {total}',
  'lesson.pairs.title': 'Positives and negatives',
  'lesson.pairs.1':
    'Every image in the batch is augmented twice. The two views of one image are a positive pair; every other view in the batch is a negative. With $N$ images there are $2N$ views, so each anchor has one positive and $2N-2$ negatives.',
  'lesson.pairs.2':
    'The matrix holds the cosine similarity $s_{ij}=\\hat z_i^{\\top}\\hat z_j$ of every pair of views. The positives are outlined. Training should make the outlined cells bright and everything else dark.',
  'lesson.head.title': 'Encoder and projection head',
  'lesson.head.1':
    'The encoder $f$ turns a view into a representation $h=f(x)$; the projection head $g$ maps it to $z=g(h)$, where the loss is computed. After training, $h$ is kept and $g$ is thrown away: $h$ is the better representation (SimCLR §4.2).',
  'lesson.head.2':
    'This plot shows $h$, not $z$. kNN accuracy measures how well $h$ groups the shapes although no label was ever used for training.',
  'lesson.ntxent.title': 'The NT-Xent (InfoNCE) loss',
  'lesson.ntxent.1':
    "For anchor $i$ with positive $j$: $$\\ell_{i,j}=-\\log\\frac{\\exp(s_{ij}/\\tau)}{\\sum_{k\\ne i}\\exp(s_{ik}/\\tau)}$$ It is a softmax classification: find the positive among the $2N-1$ candidates. The matrix now shows each row's softmax.",
  'lesson.ntxent.2':
    "Click a row of the matrix to see that anchor's softmax and its loss term. The loss is the mean over all $2N$ anchors; a random encoder scores about $\\log(2N-1)$, the dashed line of the loss chart.",
  'lesson.temperature.title': 'Temperature',
  'lesson.temperature.1':
    'The temperature $\\tau$ divides every similarity before the softmax. Drag its slider: the matrix and the loss are recomputed at once, without a training step.',
  'lesson.temperature.2':
    'At $\\tau=0.05$ the softmax concentrates on the hardest negatives — the most similar wrong candidates — and so does the gradient.',
  'lesson.temperature.3':
    'At $\\tau=1.5$ every negative counts about the same: the loss flattens and learning slows. SimCLR used $\\tau=0.5$ on CIFAR-10 and $\\tau=0.1$ on ImageNet.',
  'lesson.negatives.title': 'Negatives, and collapse without them',
  'lesson.negatives.1':
    'More images per batch means more negatives per anchor ($2N-2$). This step sets $N=8$; train, then try $N=32$ or $64$ and compare the curves.',
  'lesson.negatives.2':
    'Now the negatives are gone: the loss only pulls positives together. Press Play and watch uniformity rise to 0 and the matrix turn uniformly bright: every view maps to the same point. That is collapse.',
  'lesson.shortcut.title': 'Augmentations and the colour shortcut',
  'lesson.shortcut.1':
    'Colour jitter is off: two views of an image share their colours, and matching colours is enough to find the positive. Train for a while and look at the embedding: it groups by colour rather than by shape.',
  'lesson.shortcut.2':
    'Colour jitter (strength 1) and grayscale are on: the colour shortcut is gone and the encoder has to use shape. Reset, train, and compare the kNN accuracy (SimCLR §3.3).',
  'lesson.degradation.title': 'Contrasting degradations',
  'lesson.degradation.1':
    'In blind super-resolution the blur and noise of an image are unknown. Here the contrast is over degradations: patches degraded the same way are positives, patches degraded differently are negatives. The content should not matter.',
  'lesson.degradation.2':
    'Train stage 1 and watch this embedding: points are coloured by blur $\\sigma$. A good degradation encoder orders them by $\\sigma$, whatever the content; $|\\rho|$ measures how well the first principal component follows $\\sigma$.',
  'lesson.weights.title': 'Degradation-prior weights',
  'lesson.weights.1':
    "A negative whose blur is almost the query's is probably not a true negative. This playground weights each one by $w_j=1-\\exp\\left(-\\frac{d(q,j)^2}{2\\gamma^2}\\right)$, normalised to mean 1, and uses $$-\\log\\frac{e^{s^+/\\tau}}{e^{s^+/\\tau}+\\sum_j w_j\\,e^{s_j/\\tau}}$$ The inner ring shows $w_j$ for the current query.",
  'lesson.weights.2':
    "Weighting is off: the inner ring is uniform, every negative counts 1, as in DASR. The released LightBSR code has no such weighting — this is the playground's reading of the idea.",
  'lesson.queue.title': 'The dynamic queue',
  'lesson.queue.1':
    'Negatives come from a queue of keys from earlier batches (MoCo). It starts with random keys (grey). Each step writes the new keys at the pointer and overwrites the oldest. With $K=128$ you can watch it wrap.',
  'lesson.queue.2':
    'The loss first rises while real keys replace the random ones — easy negatives become hard — then falls as the encoder learns. The key encoder moves slowly: $\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$.',
  'lesson.stages.title': 'Two training stages',
  'lesson.stages.1':
    'Stage 1 trains only the degradation encoder, by contrast. Its representation is what the upsampler will be told about the blur.',
  'lesson.stages.2':
    "Stage 2 freezes the encoder and trains the upsampler on $L_1(\\mathrm{SR},\\mathrm{HR})$; every block's features are scaled and shifted by the representation. Play, then compare SR with bicubic, and with the representation removed.",
  'stages.button': 'Step by stage',
  'stages.exit': 'Leave stage mode',
  'stages.next': 'Next stage',
  'stages.slow': 'Slow motion',
  'stages.label': 'Stage {n}/{total}: {name}',
  'stage.simclr.augment': 'augment — two random views of every image',
  'stage.simclr.encode': 'encode — the encoder turns every view into h',
  'stage.simclr.project': 'project — the head maps h to z, normalised to the unit sphere',
  'stage.simclr.similarity': 'similarity — cosine of every pair of views',
  'stage.simclr.loss': 'loss — softmax over each row, −log p(positive)',
  'stage.simclr.update': 'update — one Adam step on encoder and head',
  'stage.blindsr.degrade': 'degrade — blur, down-sample and add noise to HR crops',
  'stage.blindsr.patches': 'patches — cut the query and key patches',
  'stage.blindsr.encode': 'encode — query encoder and momentum key encoder',
  'stage.blindsr.queue': 'queue — the negatives: keys of earlier batches',
  'stage.blindsr.weighted': 'weighted InfoNCE — negatives weighted by degradation distance',
  'stage.blindsr.update': 'update — Adam step, momentum update, enqueue the keys',
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.space': 'play / pause',
  'shortcuts.right': 'one step (one stage in stage mode)',
  'shortcuts.reset': 'reset',
  'shortcuts.help': 'show this list',
  'instructor.button': 'Instructor',
  'instructor.title': 'Instructor mode: what the shared link shows',
  'instructor.caption':
    'Untick controls to hide them in the link you share; students see only what you leave.',
  'export.button': 'Export',
  'export.png': 'Panels as PNG',
  'export.csv': 'Metrics (CSV)',
  'export.config': 'Configuration (JSON)',
  'export.weights': 'Model weights',
  'export.loadWeights': 'Load weights…',
  'export.weightsLoaded': 'Weights loaded',
  'export.weightsRejected': 'These weights do not fit this model: {message}',
  'control.temperature': 'temperature',
  'control.batch': 'batch size',
  'control.negatives': 'no-negatives switch',
  'control.learningRate': 'learning rate',
  'control.seed': 'seed',
  'control.augment': 'augmentations',
  'control.dataset': 'data set and uploads',
  'control.labs': 'lab tabs',
} as const;

export type MessageKey = keyof typeof en;
