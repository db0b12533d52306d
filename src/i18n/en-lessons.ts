/** English: guided lessons and training stages (merged into the catalogue in en.ts). */
export const enLessons = {
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
    'The temperature $\\tau$ divides every similarity before the softmax. This playground starts at $\\tau=0.2$. Drag its slider: the matrix and the loss are recomputed at once, without a training step.',
  'lesson.temperature.2':
    'At $\\tau=0.05$ the softmax concentrates on the hardest negatives — the most similar wrong candidates — and so does the gradient.',
  'lesson.temperature.3':
    'At $\\tau=1.5$ every negative counts about the same: the loss flattens and learning slows. SimCLR used $\\tau=0.5$ on CIFAR-10 and $\\tau=0.1$ on ImageNet; on these shapes $0.2$ learns fastest.',
  'lesson.negatives.title': 'Negatives, and collapse without them',
  'lesson.negatives.1':
    'More images per batch means more negatives per anchor ($2N-2$). This step sets $N=8$; train, then try $N=16$ or $32$ and compare the curves.',
  'lesson.negatives.2':
    'Now the negatives are gone: the loss only pulls positives together, and its floor $-1/\\tau$ is reached by sending every view to the same point. Press Play: within a few dozen steps the loss sits at $-1/\\tau$, uniformity rises to 0 and the matrix turns uniformly bright — every view’s $z$ is the same point. That is collapse. The projection head can collapse on its own, so $h$ keeps some spread, but it learns nothing: kNN stays at its random-init level.',
  'lesson.shortcut.title': 'Augmentations and the colour shortcut',
  'lesson.shortcut.1':
    'Colour jitter and grayscale are off: two views of an image share their colours, and matching colours is enough to find the positive. Train for a while: top-1 climbs fast, but the embedding groups by colour and kNN by shape stays low (PyTorch twin: kNN 0.33 after 1,000 steps).',
  'lesson.shortcut.2':
    'Colour jitter and grayscale are back on: the colour shortcut is gone and the encoder has to use shape. Reset, train, and compare the kNN accuracy (twin: 0.78 after 1,000 steps; SimCLR §3.3).',
  'lesson.degradation.title': 'Contrasting degradations',
  'lesson.degradation.1':
    'In blind super-resolution the blur and noise of an image are unknown. Here the contrast is over degradations: patches degraded the same way are positives, patches degraded differently are negatives. The content should not matter.',
  'lesson.degradation.2':
    'Train stage 1 and watch this embedding: points are coloured by blur $\\sigma$. A good degradation encoder orders them by $\\sigma$, whatever the content; $|\\rho|$ measures how well the first principal component follows $\\sigma$.',
  'lesson.degradation.3':
    'Two ways to make a positive pair. Here, two patches of one LR image (DASR): they share the degradation but also their content, so the encoder can match content instead of blur. Reset and train stage 1, and compare $|\\rho|$ with the default — two different images degraded alike, the content-decoupled sampling of CdCL (Yuan et al., IEEE TIP 2025). PyTorch twin after 300 steps, 3 seeds: $|\\rho|$ 0.84 / 0.88 / 0.79 with patches of one image, 0.95 / 0.97 / 0.88 with content decoupled.',
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
    "Stage 2 freezes the encoder and trains three upsamplers side by side on the same batches: one told the learned representation, the same network told nothing, and one told the true blur (the upper bound). The representation scales and shifts every block's features and sets how strongly the LR input is sharpened. Play, then read the gain and the PSNR-by-$\\sigma$ chart: knowing the blur helps most where the blur is strong.",
  'lesson.family.title': 'Contrastive or not',
  'lesson.family.1':
    'SimCLR: the two views of an image attract, the other $2N-2$ views of the batch repel. The negatives are what keeps the embedding spread out; their number is tied to the batch size. Press Play and watch kNN accuracy and uniformity.',
  'lesson.family.2':
    'MoCo v2: the same InfoNCE, but the negatives are the keys of earlier batches, kept in a queue of $K$ — here $N=8$ images per batch with $K=1024$ keys. The keys come from a momentum encoder $\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$, so old keys stay comparable. Does a large queue give a small batch what a large batch gives? Measured on these shapes (PyTorch twin, seed 1, kNN after 300 steps from 0.48 at random init): SimCLR $N=64$ 0.72, SimCLR $N=8$ 0.65, MoCo $N=8$ with $K=16$ 0.57, $K=256$ 0.54, $K=1024$ 0.49 (0.67 after 1,000 steps). Here it does not: the queue starts as random vectors and takes $K/N=128$ steps to fill, its keys come from older encoders, and 288 images offer few negatives worth remembering. MoCo’s queue pays off on large data sets, where many negatives matter.',
  'lesson.family.3':
    'SimSiam: no negatives at all. A predictor $p=h(z)$ is trained to match the other view, $\\mathcal{L}=\\tfrac12 D(p_1,\\mathrm{sg}(z_2))+\\tfrac12 D(p_2,\\mathrm{sg}(z_1))$ with $D=-\\cos$. The target $z$ gets no gradient from its own term. A constant map would reach the minimum $-1$, yet training does not go there: watch uniformity stay well below 0.',
  'lesson.family.4':
    'The same SimSiam with stop-gradient switched off. Now the gradient also pulls each $z$ towards its prediction and the easiest solution wins: every view maps to the same point. Uniformity rises to 0, the matrix turns uniformly bright, the embedding shrinks to a dot (SimSiam §4.1).',
  'lesson.family.5':
    'BYOL: a predictor too, and the target is a slowly moving copy of the network (momentum $m$). Its loss $2-2\\cos(p,z^{\\prime})$ has no negatives either; the slow target and the predictor keep it from collapsing. Of the four, only SimCLR and MoCo push anything apart.',
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
} as const;
