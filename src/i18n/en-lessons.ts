/** English: guided lessons and training stages (merged into the catalogue in en.ts). */
export const enLessons = {
  'lessons.button': 'Lessons',
  'lessons.title': 'Guided lessons',
  'lessons.choose': 'Lesson',
  'lessons.next': 'Next',
  'lessons.previous': 'Back',
  'lessons.close': 'Close',
  'lessons.progress': 'Step {n} of {total}',
  'controls.projectorBatchNorm': 'Batch norm in the projector (SimSiam, BYOL)',
  'bsr.untrained.text':
    'The degradation encoder is untrained: stage 1 has not run on this model. Stage 2 would teach the upsamplers to read noise, and any “gain” it shows would be noise too.',
  'bsr.untrained.button': 'Train stage 1 first',
  'bsr.untrained.training': 'Training stage 1 for {n} steps, then stage 2…',
  'lessons.predictions': 'Ask for a prediction before each lesson step runs',
  'lessons.predict': 'Your prediction',
  'lessons.skip': 'Skip — just run it',
  'lessons.runSteps': 'Run {n} steps',
  'lessons.show': 'Show',
  'lessons.preparing': 'First the step before this one trains the model it continues from…',
  'lessons.progressLabel': 'Training steps of this lesson step',
  'lessons.failed':
    'The run stopped before the step finished (see the message above). Choose again to retry.',
  'lessons.observed': 'This run',
  'lessons.inSteps': 'in {n} steps',
  'lessons.held': 'Your prediction held.',
  'lessons.missed': 'Not this time: the run says “{answer}”.',
  'lessons.outcome': 'The run says: “{answer}”.',
  'lessons.unusual':
    'This is not what the playground’s own test run measures for this step: differing results are worth a second look (another seed, or training a little longer).',
  'lessons.metric.knn': 'kNN accuracy of h (held-out shapes)',
  'lessons.metric.top1':
    'top-1: the positive is the most similar candidate (mean of the last 20 batches)',
  'lessons.metric.loss': 'loss (mean of the last 20 steps)',
  'lessons.metric.chanceLoss': 'chance line log(2N − 1)',
  'lessons.metric.positiveFloor': 'floor −1/τ',
  'lessons.metric.uniformity': 'uniformity of z (0 = every view at one point)',
  'lessons.metric.negatives': 'negatives per anchor',
  'lessons.metric.views': 'views in the batch',
  'lessons.metric.positiveCosine': 'mean cosine of the positive pairs',
  'lessons.metric.negativeCosine': 'mean cosine of all other pairs',
  'lessons.metric.hardestShare02': 'hardest negative’s share of the negatives’ weight at τ = 0.2',
  'lessons.metric.hardestShare005': 'hardest negative’s share at τ = 0.05',
  'lessons.metric.hardestShare15': 'hardest negative’s share at τ = 1.5',
  'lessons.metric.uniformShare': 'share if every negative counted alike, 1/(2N − 2)',
  'lessons.metric.batchLoss': 'NT-Xent of the batch on screen',
  'lessons.metric.queuePerImage': 'copies of each training image in a full queue (K / images)',
  'lessons.metric.rho': '|ρ| of PC 1 against blur σ',
  'lessons.metric.gain': 'PSNR gain of the learned representation over no condition (dB)',
  'lessons.metric.referenceGain':
    'PSNR gain of the true degradation (the reference) over no condition (dB)',
  'lessons.metric.gainWeakBlur': 'gain at the weakest blur (dB)',
  'lessons.metric.gainStrongBlur': 'gain at the strongest blur (dB)',
  'lessons.metric.weightMin': 'smallest negative weight of the query',
  'lessons.metric.weightMax': 'largest negative weight of the query',
  'lessons.metric.randomKeys': 'share of the queue still random keys',
  'lesson.pairs.title': 'Positives and negatives',
  'lesson.pairs.1':
    'Every image in the batch is augmented twice. The two views of one image are a positive pair; in SimCLR every other view in the batch is a negative. With $N$ images there are $2N$ views.',
  'lesson.pairs.1.q':
    'This batch has $N = 16$ images. How many negatives does each anchor view have?',
  'lesson.pairs.1.n15': '15 — one per other image',
  'lesson.pairs.1.n30': '30 — every view but itself and its positive',
  'lesson.pairs.1.n31': '31 — every view but itself',
  'lesson.pairs.1.why':
    '$2N$ views, minus the anchor itself, minus its positive: $2N-2$. (This count is SimCLR’s: MoCo’s negatives are the keys in its queue, SimSiam and BYOL have none.)',
  'lesson.pairs.2':
    'The matrix holds the cosine similarity $s_{ij}=\\hat z_i^{\\top}\\hat z_j$ of every pair of views; the positives are outlined.',
  'lesson.pairs.2.q':
    'After {budget} training steps, how do the outlined cells compare with the rest?',
  'lesson.pairs.2.apart': 'The outlined cells stay bright, the rest turn dark',
  'lesson.pairs.2.same': 'Nothing much changes',
  'lesson.pairs.2.why':
    'The loss rewards a high $s$ for the positive and a low $s$ for every negative, so training pulls the two apart: the gap between the two means above is what it built.',
  'lesson.head.title': 'Encoder and projection head',
  'lesson.head.1':
    'The encoder $f$ turns a view into a representation $h=f(x)$; the projection head $g$ maps it to $z=g(h)$, where the loss is computed. After training, $h$ is kept and $g$ is thrown away (SimCLR §4.2 found $h$ the better representation). This plot shows $h$; kNN accuracy asks how well $h$ groups the shapes by kind.',
  'lesson.head.1.q':
    'No label is ever used in training. After {budget} steps, the kNN accuracy of $h$…',
  'lesson.head.1.rises': 'rises clearly',
  'lesson.head.1.stays': 'stays where the random encoder was',
  'lesson.head.1.why':
    'To tell two views of one shape from every other image, the encoder has to keep what survives cropping and colour changes — mostly the outline — so shapes of one kind end up near each other. The labels only score the result.',
  'lesson.head.2':
    'Top-1 asks whether, for each anchor, the most similar of the $2N-1$ candidates is its positive: the task the loss trains, on $z$. By chance it is $1/(2N-1)$, about 0.03 at $N=16$.',
  'lesson.head.2.q': 'After {budget} more steps, top-1 of the training task is…',
  'lesson.head.2.high': 'above 0.5',
  'lesson.head.2.low': 'still near chance',
  'lesson.head.2.why':
    'Finding the positive among 31 candidates is learnt fast; it is the task, not the goal. The goal is $h$, and the kNN of $h$ beside it says how much of that skill carries over to grouping shapes.',
  'lesson.ntxent.title': 'The NT-Xent (InfoNCE) loss',
  'lesson.ntxent.1':
    "For anchor $i$ with positive $j$: $$\\ell_{i,j}=-\\log\\frac{\\exp(s_{ij}/\\tau)}{\\sum_{k\\ne i}\\exp(s_{ik}/\\tau)}$$ It is a softmax classification: find the positive among the $2N-1$ candidates. The matrix now shows each row's softmax; click a row to see its loss term.",
  'lesson.ntxent.1.q':
    'Before any training ($N=16$, 31 candidates), the loss of this batch is near…',
  'lesson.ntxent.1.chance': '$\\log 31\\approx 3.4$',
  'lesson.ntxent.1.one': '1',
  'lesson.ntxent.1.zero': '0',
  'lesson.ntxent.1.why':
    'An untrained encoder cannot tell the positive from the others, so each row’s softmax is spread over all 31 candidates and $-\\log$ of about $1/31$ is $\\log 31$ — the dashed line of the loss chart.',
  'lesson.ntxent.2': 'The loss is the mean of $\\ell$ over all $2N$ anchors.',
  'lesson.ntxent.2.q': 'After {budget} training steps, where is the loss?',
  'lesson.ntxent.2.below': 'well below the dashed line $\\log(2N-1)$',
  'lesson.ntxent.2.on': 'still on it',
  'lesson.ntxent.2.why':
    'Each step raises the positive’s share of its row’s softmax. The chance line depends on $N$, so loss curves of different batch sizes cannot be compared by height.',
  'lesson.temperature.title': 'Temperature',
  'lesson.temperature.1':
    'Every similarity is divided by the temperature $\\tau$ before the softmax; this lab starts at $\\tau=0.2$. Drag its slider: the matrix and the loss are recomputed at once, without a training step.',
  'lesson.temperature.1.q':
    'After {budget} steps, compare $\\tau=0.05$ with $\\tau=0.2$ on the same batch: the single most similar negative’s share of a row’s negative weight is…',
  'lesson.temperature.1.larger': 'larger at $\\tau=0.05$',
  'lesson.temperature.1.smaller': 'smaller at $\\tau=0.05$',
  'lesson.temperature.1.why':
    'Dividing by a small $\\tau$ stretches the differences between similarities before the exponential, so the softmax — and the gradient, which follows it — concentrates on the hardest negatives, the most similar wrong candidates.',
  'lesson.temperature.2': 'Now $\\tau=1.5$.',
  'lesson.temperature.2.q': 'At $\\tau=1.5$, how is a row’s negative weight shared?',
  'lesson.temperature.2.even': 'about evenly: every negative counts about the same',
  'lesson.temperature.2.hardest': 'mostly on the hardest negative',
  'lesson.temperature.2.why':
    'With $|s|\\le 1$ the logits $s/\\tau$ stay within $\\pm0.67$: the exponential hardly separates them, so the hardest negative’s share is close to $1/(2N-2)$.',
  'lesson.temperature.3':
    'Train at $\\tau=1.5$ from a fresh model. SimCLR used $\\tau=0.5$ on CIFAR-10 and $\\tau=0.1$ on ImageNet; this lab’s default is $0.2$.',
  'lesson.temperature.3.q': 'After {budget} steps at $\\tau=1.5$, the loss is…',
  'lesson.temperature.3.near': 'still within about 1 of the chance line',
  'lesson.temperature.3.far': 'far below it, as at $\\tau=0.2$',
  'lesson.temperature.3.why':
    'With logits within $\\pm1/\\tau$ the loss cannot go far below $\\log(2N-1)$ — its floor is $\\log(1+(2N-2)e^{-2/\\tau})\\approx2.2$ here — so the curve flattens. The kNN beside it says what the encoder learnt meanwhile: the flat loss does not mean nothing was learnt.',
  'lesson.negatives.title': 'Negatives, and collapse without them',
  'lesson.negatives.1':
    'This step sets $N=8$. Careful comparing batch sizes: the loss’s chance line $\\log(2N-1)$ and the top-1 task both get harder as $N$ grows, so their curves are not comparable across $N$. kNN of $h$ is: it is measured the same way at any $N$.',
  'lesson.negatives.1.q':
    'With only 14 negatives per anchor, does kNN still rise clearly in {budget} steps?',
  'lesson.negatives.1.rises': 'yes',
  'lesson.negatives.1.stays': 'no, it needs more negatives',
  'lesson.negatives.1.why':
    'Even a few negatives keep the views apart. Try $N=32$ afterwards and compare kNN, not the loss.',
  'lesson.negatives.2':
    'Now the negatives are gone: the loss only pulls the two views of each image together. Its floor $-1/\\tau$ is reached by any map that gives both views of every image the same $z$ — a useful one included. Sending every view to one point is the trivial one of them.',
  'lesson.negatives.2.q': 'Train {budget} steps without negatives. Where do the views’ $z$ go?',
  'lesson.negatives.2.collapse': 'all to one point: uniformity rises to 0',
  'lesson.negatives.2.spread': 'they stay spread out',
  'lesson.negatives.2.why':
    'Nothing in the loss pushes different images apart, and a constant map is the easiest way to align every pair: gradient descent finds it within a few dozen steps. That is collapse; the matrix turns uniformly bright. The kNN of $h$ beside it shows what is left of the representation.',
  'lesson.shortcut.title': 'Augmentations and the colour shortcut',
  'lesson.shortcut.1':
    'Colour jitter and grayscale are off: the two views of an image share their colours. SimCLR (§3, Figure 6) shows that colour histograms alone tell images apart, and that without colour distortion the network uses that shortcut.',
  'lesson.shortcut.1.q': 'After {budget} steps without colour augmentation, kNN by shape is…',
  'lesson.shortcut.1.low': 'low: below {knnNoColour300}',
  'lesson.shortcut.1.high': 'as good as with colour augmentation',
  'lesson.shortcut.1.why':
    'Matching colours is enough to find the positive — top-1 is high — so the encoder never needs the shape, and kNN by shape stays low.',
  'lesson.shortcut.2':
    'Colour jitter and grayscale are back on: the colour shortcut is gone and the encoder has to use shape.',
  'lesson.shortcut.2.q': 'After the same {budget} steps, kNN by shape is…',
  'lesson.shortcut.2.higher': 'at least {knnLearned300}',
  'lesson.shortcut.2.same': 'as low as without colour augmentation',
  'lesson.shortcut.2.why':
    'With colours scrambled per view, the only thing two views share is the shape: the task forces the encoder to see it.',
  'lesson.family.title': 'Contrastive or not',
  'lesson.family.1':
    'SimCLR: the two views of an image attract, the other $2N-2$ views of the batch repel. Here $N=8$.',
  'lesson.family.1.q': 'After {budget} steps, are the views of $z$ spread out or collapsed?',
  'lesson.family.1.spread': 'spread (uniformity well below 0)',
  'lesson.family.1.collapse': 'collapsed (uniformity near 0)',
  'lesson.family.1.why':
    'The negatives push every pair of different images apart, so a constant map costs a high loss: SimCLR cannot collapse.',
  'lesson.family.2':
    'MoCo v2: the same InfoNCE, but the negatives are the $K$ keys of a queue filled by earlier batches — here $N=8$ and $K=1024$ — made by a momentum encoder $\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$. None of the current batch’s keys is a negative.',
  'lesson.family.2.q':
    'Does the large queue give the small batch what SimCLR’s batch gives? After {budget} steps, kNN is…',
  'lesson.family.2.higher': 'at least {knnLearned300}, like SimCLR at $N=8$',
  'lesson.family.2.lower': 'lower than that',
  'lesson.family.2.why':
    'Here it does not. The main reason is the data: 288 images, so a queue of 1,024 holds every image about 3.5 times, and the anchor’s own image’s older keys are negatives — false negatives that push the anchor away from itself. Also the queue starts as random vectors and takes $K/N=128$ steps to fill, with keys from older encoders. MoCo’s queue pays off on large data sets, where it rarely holds the anchor’s own image.',
  'lesson.family.3':
    'SimSiam: no negatives. A predictor $p$ is trained to match the other view, $\\mathcal{L}=\\tfrac12 D(p_1,\\mathrm{sg}(z_2))+\\tfrac12 D(p_2,\\mathrm{sg}(z_1))$ with $D=-\\cos$; the target gets no gradient (stop-gradient). A constant map would reach the minimum $-1$.',
  'lesson.family.3.q': 'After {budget} steps, is SimSiam collapsed?',
  'lesson.family.3.spread': 'no, the views stay spread',
  'lesson.family.3.collapse': 'yes, uniformity near 0',
  'lesson.family.3.why':
    'Stop-gradient (and, in this lab, batch norm in the projector) keeps training away from the constant solution. On these shapes SimSiam learns slowly: its kNN dips below the random encoder’s for the first few hundred steps before it rises.',
  'lesson.family.4': 'The same SimSiam with stop-gradient switched off.',
  'lesson.family.4.q': 'After {budget} steps without stop-gradient?',
  'lesson.family.4.spread': 'still spread',
  'lesson.family.4.collapse': 'collapsed: uniformity near 0',
  'lesson.family.4.why':
    'The gradient now also pulls each $z$ towards its prediction and the easiest solution wins: every view maps to one point (SimSiam §4.1). Measured here: with batch norm on $z$ as well (SimSiam’s own code), switching stop-gradient off did not collapse — BN alone can hold the batch apart. This lab leaves that BN out so the collapse shows.',
  'lesson.family.5':
    'BYOL: a predictor too, and the target is a slowly moving copy of the network (momentum $m$); its loss $2-2\\cos(p,z^{\\prime})$ has no negatives. In this lab BYOL’s projector has batch norm in both layers, which couples the views of a batch.',
  'lesson.family.5.q': 'After {budget} steps, is BYOL collapsed?',
  'lesson.family.5.spread': 'no, spread',
  'lesson.family.5.collapse': 'yes',
  'lesson.family.5.why':
    'What keeps it spread here is not settled by this run alone: the slow target, the predictor and the batch norm each could. The next step takes the batch norm out.',
  'lesson.family.6':
    'The same BYOL with no batch norm in its projector (the SimCLR head: linear, ReLU, linear). The slow target and the predictor are still there.',
  'lesson.family.6.q':
    'After {budget} steps without batch norm, kNN of $h$ compared with the random encoder’s is…',
  'lesson.family.6.above': 'clearly above it',
  'lesson.family.6.below': 'not above it',
  'lesson.family.6.why.above':
    'In this run BYOL learnt without batch norm: the slow target and the predictor were enough to keep it from collapsing. So on these shapes batch norm — which couples the views of a batch, a hidden kind of contrast — is not what holds BYOL apart.',
  'lesson.family.6.why.below':
    'In this run BYOL without batch norm did not learn: kNN ended no better than the random encoder’s. Batch norm couples the views of a batch — each output depends on the others — one way a hidden kind of contrast enters a loss with no negatives.',
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
