import { enBlindSr } from './en-blindsr';
import { enLightBsr } from './en-lightbsr';
import { enLoading } from './en-loading';
import { enLessons } from './en-lessons';
import { enLessonsBlindSr } from './en-lessons-blindsr';
import { enLessonsLightBsr } from './en-lessons-lightbsr';
import { enPins } from './en-pins';
import { enLessonsMore } from './en-lessons-more';
import { enReadouts } from './en-readouts';

/** English catalogue: the source of every key. `{name}` marks a value put in at run time. */
export const en = {
  ...enLessons,
  ...enLessonsBlindSr,
  ...enLessonsLightBsr,
  ...enPins,
  ...enBlindSr,
  ...enLightBsr,
  ...enLoading,
  ...enLessonsMore,
  ...enReadouts,
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
  'backend.thread': '1 thread',
  'backend.threadSpare': '1 thread (one core left to the page)',
  'backend.notIsolated': '1 thread: page not cross-origin isolated',
  'backend.isolated': 'cross-origin isolated: WebAssembly threads available',
  'isolation.insecureContext': 'served over plain http: threads need https (or localhost)',
  'isolation.noServiceWorker':
    'the server sends no isolation headers and service workers are unavailable here',
  'isolation.serviceWorkerPending': 'the offline copy was still being saved: reload for threads',
  'isolation.serviceWorkerFailed':
    'the service worker could not isolate it (a hard reload bypasses it: reload normally)',
  'update.available': 'A new version is available',
  'update.reload': 'Reload',
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
    'N images → 2N views. SimCLR: each anchor has 1 positive and 2N − 2 negatives; MoCo’s negatives are the K keys of its queue; SimSiam and BYOL have none. Changing it rebuilds the model.',
  'controls.learningRate': 'Learning rate',
  'controls.learningRate.help': 'Adam step size.',
  'controls.noNegatives': 'No negatives (positive term only)',
  'controls.noNegatives.help':
    'Drop the denominator: nothing pushes views apart, so the embedding collapses. Watch uniformity rise to 0.',
  'controls.seed': 'Seed',
  'controls.seed.help': 'One seed, one run: data, augmentations and initial weights.',
  'controls.imageSize': 'View size',
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
  'panel.similarity.batchPositiveOnly': 'Positive-only loss at τ = {tau}: {loss}',
  'panel.similarity.batchLossMoco':
    'In-batch NT-Xent at τ = {tau}: {loss} (a diagnostic: MoCo trains InfoNCE against the key and its queue of K = {k})',
  'panel.similarity.positiveCosine':
    'Mean cos of positive pairs: {value} (no τ: {method} has no softmax and no negatives)',
  'panel.softmax.title': 'Softmax of anchor {row} over its {count} candidates',
  'panel.softmax.loss': 'ℓ = −log p(positive) = {loss}',
  'panel.softmax.positive': 'positive',
  'panel.softmax.close': 'Close',
  'panel.loss.title': 'Training curves',
  'panel.loss.loss': 'NT-Xent loss (mean over 2N anchors)',
  'panel.loss.chance': 'log(2N − 1): random encoder',
  'panel.loss.positiveOnly': 'positive-only loss −mean cos(zᵢ, zᵢ⁺)/τ',
  'panel.loss.positiveFloor': '−1/τ: every view at one point',
  'panel.loss.positiveOnlyNote':
    'No negatives: the loss only pulls the two views of each image together. Its lowest value, −1/τ, is reached by sending every image to the same point — a falling loss here means collapse, not learning.',
  'panel.loss.accuracy': 'positive top-1 accuracy',
  'panel.loss.alignment': 'alignment',
  'panel.loss.uniformity': 'uniformity',
  'panel.loss.empty': 'Press Play or Step to start training.',
  'panel.metrics.accuracy': 'Positive top-1 (last 20 batches)',
  'panel.metrics.accuracyHelp':
    'How often the most similar other view is the positive, averaged over the last 20 trained batches; the chart shows each batch.',
  'panel.metrics.alignment': 'Alignment',
  'panel.metrics.uniformity': 'Uniformity',
  'panel.metrics.knn': 'kNN accuracy (h, held-out)',
  'panel.metrics.knn.help':
    '5-nearest-neighbour class accuracy of the encoder output h on held-out images. Chance is 1 / classes.',
  'panel.embedding.title': 'Embedding of h (PCA)',
  'panel.embedding.caption':
    'Encoder outputs h of every image, L2-normalised (the cosine geometry kNN reads), projected on their first two principal components, coloured by class.',
  'panel.embedding.explained': 'PC1 {pc1} %, PC2 {pc2} % of variance ·',
  'panel.embedding.spread': 'spread of h: {value}',
  'panel.embedding.collapsed': 'collapsed: every image maps to nearly the same h',
  'panel.embedding.heldOut': 'held-out',

  'error.title': 'Training stopped',
  'error.crash': 'The training worker failed: {message}. Your settings and images are kept.',
  'error.outOfMemory':
    'The training worker ran out of memory: {message}. Try a smaller batch or image size.',
  'error.nonFinite':
    'The loss became NaN or infinite ({message}). The weights blew up — a learning rate that is too high is the usual cause. Lower it and reset.',
  'error.deviceLost':
    'The GPU device was lost ({message}): a driver reset, the GPU going away or running out of memory. Your settings and images are kept: restart on the same backend or on another one.',
  'error.backend': 'No backend could start: {message}',
  'error.data': 'The data could not be used: {message}',
  'error.restart': 'Restart training',
  'error.restartOn': 'Restart on {backend}',
  'notice.badLink':
    'Some settings in the link were invalid and were replaced by defaults: {fields}.',
  'notice.clamped':
    'Some values in the link were out of range or not whole numbers and were set to the nearest allowed value: {fields}.',
  'notice.lessonLab':
    'The lesson in the link belongs to the {lab} lab, which it opens (the link asked for lab={asked}).',
  'controls.batchCapped':
    'The data set has {count} images: each batch uses all {count} ({views} views, {negatives} negatives).',
  'notice.dismiss': 'Dismiss',
  'dataset.textures': 'Procedural textures',
  'controls.hrSource': 'HR images',
  'upload.title': 'Your images',
  'upload.hint':
    'Drop images anywhere on the page or choose them. PNG, JPEG, WebP, GIF (first frame), BMP; up to {max} files of {megabytes} MB, at least {min}×{min} pixels. Large images are scaled down.',
  'upload.choose': 'Choose images…',
  'upload.busy': 'Reading images… ({count} to go)',
  'upload.remove': 'Remove {name}',
  'upload.topUp': 'With fewer than {min} images of your own, the built-in photos fill the set.',
  'upload.privacy':
    'Your images stay in this browser (stored locally until you remove them); nothing is uploaded anywhere.',
  'upload.memoryOnly':
    'This browser refuses to store images (private window, storage full or blocked): yours are kept only until this page is closed.',
  'upload.error.empty': 'the file is empty (0 bytes)',
  'upload.error.tooLarge': 'larger than {megabytes} MB',
  'upload.error.svg': 'SVG is a vector format and is not used here: export it as PNG first',
  'upload.error.notImage': 'not an image this page can read (PNG, JPEG, WebP, GIF or BMP)',
  'upload.error.corrupt': 'the image could not be decoded: the file is truncated or corrupt',
  'upload.error.tooSmall': '{width}×{height} is smaller than the {min}×{min} the labs crop',
  'upload.error.tooManyPixels': '{width}×{height} is too many pixels to decode safely',
  'upload.error.tooMany': 'at most {max} images can be kept: remove some first',
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.space': 'play / pause',
  'shortcuts.right': 'one step (one stage in stage mode)',
  'shortcuts.reset': 'reset',
  'shortcuts.help': 'show this list',
  'instructor.button': 'Instructor',
  'instructor.title': 'Instructor mode: what the shared link shows',
  'instructor.caption':
    'Untick controls to hide them in the link you share; students see only what you leave.',
  'controls.method': 'Method',
  'controls.method.help':
    'The same data, augmentations and encoder, trained by a different member of the family. Changing it rebuilds the model and applies that method’s recommended settings (shown below it).',
  'controls.method.recommended':
    'Recommended for this method: {settings} (measured with the PyTorch twin). Switching method applies it unless you had changed that setting.',
  'method.simclr': 'SimCLR — NT-Xent, 2N − 2 batch negatives',
  'method.moco': 'MoCo v2 — momentum keys, a queue of K negatives',
  'method.simsiam': 'SimSiam — predictor + stop-gradient, no negatives',
  'method.byol': 'BYOL — momentum target + predictor, no negatives',
  'controls.queueSize': 'Queue size K',
  'controls.queueSize.help':
    'MoCo: the negatives are the K keys of the queue, written by the last K/N batches; none of the current batch’s keys is a negative. A queue larger than the data set holds every image several times, so the anchor’s own image’s older keys become negatives. Changing it rebuilds the model.',
  'controls.momentum': 'Momentum m',
  'controls.momentum.help':
    'The key (MoCo) or target (BYOL) network follows the trained one slowly: θₖ ← m θₖ + (1 − m) θ. m = 0 copies it every step.',
  'controls.stopGradient': 'Stop-gradient on the target',
  'controls.stopGradient.help':
    'SimSiam: D(p₁, stopgrad(z₂)). Switch it off and the gradient also pulls z towards p: every view collapses to one point (uniformity → 0).',
  'panel.loss.moco': 'InfoNCE against the key and the queue (MoCo v2, symmetrised)',
  'panel.loss.mocoChance': 'log(K + 1): random encoder',
  'panel.loss.simsiam': 'SimSiam ½D(p₁, sg(z₂)) + ½D(p₂, sg(z₁)), D = −cos',
  'panel.loss.simsiamNoSg': 'SimSiam without stop-gradient, ½D(p₁, z₂) + ½D(p₂, z₁)',
  'panel.loss.cosineFloor': '−1: every prediction points at its target',
  'panel.loss.byol': 'BYOL 2 − 2 cos(p, z′), symmetrised',
  'panel.loss.byolFloor': '0: every prediction points at its target',
  'panel.loss.noNegativesNote':
    'No negatives: a constant representation would reach this minimum too. What prevents collapse here is the predictor with stop-gradient (SimSiam) or the slowly moving target (BYOL) — watch uniformity and the embedding.',
  'panel.mocoQueue.title': 'MoCo queue (K negatives)',
  'panel.mocoQueue.caption':
    'Every key in the queue, coloured by the class of its image (grey: the random start); the pointer writes the next N keys over the oldest.',
  'export.pytorch': 'PyTorch script (.py)',
  'export.pytorchHelpBlindSr':
    'One self-contained file that trains this configuration with torch, stage 1 then stage 2, and prints loss, |ρ| and PSNR: python3 script.py --steps 300',
  'export.pytorchHelp':
    'One self-contained file that trains this configuration with torch: python3 script.py --steps 300',
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
  'controls.batchOption': '{n} → {views} views, {negatives} negatives',
  'shape.circle': 'circle',
  'shape.square': 'square',
  'shape.triangle': 'triangle',
  'shape.ring': 'ring',
  'shape.cross': 'cross',
  'shape.star': 'star',
  'panel.views.pending': 'next batch — not trained on yet',
  'presentation.button': 'Presentation',
  'panel.metrics.alignment.help':
    'E‖ẑ_i − ẑ_i⁺‖² (Wang & Isola 2020): 0 when both views map to the same point',
  'panel.metrics.uniformity.help':
    'log E exp(−2‖ẑ_i − ẑ_j‖²) (Wang & Isola 2020): 0 when every view collapses to one point, lower is more uniform',
  'transport.label': 'Training',
  'panel.views.image': 'image {n}',
  'panel.views.view': 'view {label}',
  'panel.views.keys': 'Tab to a view, arrow keys to move between views.',
  'panel.similarity.keys': 'Arrow keys move the highlighted cell; Enter opens the row’s softmax.',
  'export.all': 'All panels (PNG)',
  'export.pngItem': '{name} (PNG)',
  'export.svgItem': '{name} (SVG)',
  'stage.pending': 'Pending — shown at stage {n}: {name}',
  'stage.panel.title': 'Inside one training step',
  'stage.panel.caption': 'What each stage computes for the batch on screen, revealed as you step.',
  'stage.encode.title': 'Encoder output h: one row per view ({views} views × {dim})',
  'stage.project.title': 'Projection z = g(h), normalised: one row per view ({views} × {dim})',
  'stage.loss.title': 'ℓ per anchor = −log softmax of its positive (mean {mean})',
  'stage.update.title': 'What the update changed',
  'stage.update.gradients': 'Gradient norm per layer, before the Adam step',
  'stage.update.loss': 'Same batch: loss {before} before → {after} after the update',
  'stage.update.working': 'Training on this batch…',
  'stage.noData': 'No batch yet: the model is still being prepared.',
  'stage.queue.weights': 'weights of the current query: min {min}, mean {mean}',
  'stage.patches.title': 'Query (red) and key (blue) patches: each pair shares one degradation.',
  'stage.patches.query': 'query patch {n}',
  'stage.patches.key': 'key patch {n}',
} as const;

export type MessageKey = keyof typeof en;
