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
} as const;

export type MessageKey = keyof typeof en;
