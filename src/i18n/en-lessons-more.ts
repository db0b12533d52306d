/**
 * English: the lessons of #22 — batch size, h vs z, augmentation strength, false
 * negatives, MoCo's momentum, reading the metrics (merged into the catalogue in en.ts).
 * `{name}` is a figure of src/lessons/more-figures.ts.
 */
export const enLessonsMore = {
  'lessons.metric.knnZ': 'kNN accuracy of z (held-out shapes)',
  'lessons.metric.pixelKnn': 'kNN accuracy of the raw pixels (no network)',
  'lessons.metric.knnChance': 'chance: 1 / kinds of shape',
  'lessons.metric.sameClassNegatives': 'negatives per anchor showing its own kind of shape',
  'lessons.metric.sameClassShare': 'share of the negatives showing the anchor’s kind of shape',
  'lessons.metric.ownKeys': 'older keys of the anchor’s own image in the queue',

  'lesson.batch.title': 'Batch size and negatives',
  'lesson.batch.1':
    'The seed’s own example: a batch of $N={exampleBatch}$ images. Each image is augmented twice; an anchor view’s positive is the other view of its image, and in SimCLR every other view in the batch is a negative.',
  'lesson.batch.1.q': 'With $N={exampleBatch}$ images, how many negatives does each anchor have?',
  'lesson.batch.1.n99': '99 — one per other image',
  'lesson.batch.1.n198': '198 — every view but itself and its positive',
  'lesson.batch.1.n199': '199 — every view but itself',
  'lesson.batch.1.why':
    '$2N$ views, less the anchor and its positive: $2N-2$. The loss asks the anchor to find its positive among $2N-1$ candidates, so its chance line $\\log(2N-1)$ moves up with $N$: loss curves of different batch sizes cannot be compared by height.',
  'lesson.batch.2':
    'First the lab’s default, $N=16$, for {stepsBatch} steps from a fresh model. The loss and top-1 both get harder as $N$ grows, so compare batch sizes by kNN of $h$: it is measured the same way at any $N$.',
  'lesson.batch.2.q': 'After {stepsBatch} steps at $N=16$, is kNN of $h$ at least {knnBatchSplit}?',
  'lesson.batch.2.above': 'yes, at least {knnBatchSplit}',
  'lesson.batch.2.below': 'no, below {knnBatchSplit}',
  'lesson.batch.2.why':
    'On this lab’s seeds 1–3 it stayed below {knnBatchSplit}. Keep this run’s kNN in mind for the next step.',
  'lesson.batch.3':
    'Now $N={exampleBatch}$ for the same {stepsBatch} steps, from a fresh model. Each step now holds more than six times the images, and takes longer: watch the steps per second.',
  'lesson.batch.3.q':
    'After {stepsBatch} steps at $N={exampleBatch}$, is kNN of $h$ at least {knnBatchSplit}?',
  'lesson.batch.3.above': 'yes, at least {knnBatchSplit}',
  'lesson.batch.3.below': 'no, below {knnBatchSplit}',
  'lesson.batch.3.why':
    'It reached {knnBatchSplit} on seeds 1–3, where $N=16$ did not. Two things changed at once: more negatives per anchor, and more images seen per step. SimCLR found the advantage of large batches largest when training is short (SimCLR §5.2, Figure 9).',

  'lesson.projection.title': 'Keep h, throw away z',
  'lesson.projection.1':
    'The encoder gives $h=f(x)$; the projection head gives $z=g(h)$, where the loss is computed. The embedding panel shows kNN of both on the same held-out shapes.',
  'lesson.projection.1.q':
    'Before any training (random $f$ and $g$), which groups the shapes better?',
  'lesson.projection.1.h': 'kNN of $h$',
  'lesson.projection.1.same': 'about the same',
  'lesson.projection.1.z': 'kNN of $z$',
  'lesson.projection.1.why':
    '$z$ is computed from $h$ alone, so it knows nothing about the image that $h$ does not; a random head mixes and squeezes $h$ and, here, loses some of what groups the shapes: kNN of $z$ starts below kNN of $h$ (seeds 1–3).',
  'lesson.projection.2':
    'Train {stepsProjection} steps on from this model. SimCLR found $h$ better than $z$ by more than 10 % in linear evaluation (SimCLR §4.2): the head learns to drop what the augmentations change, such as colour, and a later task may need it.',
  'lesson.projection.2.q': 'After {stepsProjection} steps, which groups the shapes better?',
  'lesson.projection.2.h': 'kNN of $h$, clearly',
  'lesson.projection.2.same': 'about the same (within {knnSameWithin})',
  'lesson.projection.2.z': 'kNN of $z$, clearly',
  'lesson.projection.2.why':
    'On these shapes the two end about level (within {knnSameWithin} on seeds 1–3, $z$ sometimes ahead). A shape’s kind survives every augmentation of this lab, so what the head drops is not what the shape label needs. $h$’s advantage shows when a task needs what the augmentations vary — which is why $h$ is the one kept.',

  'lesson.augment.title': 'How strong should the augmentations be?',
  'lesson.augment.1':
    'SimCLR crops between {paperCropMinArea} and all of an image’s area (SimCLR, Appendix A); this lab’s smallest crop is {labCropMinArea}. This step sets it to {paperCropMinArea}: look at the views — many show only part of the shape.',
  'lesson.augment.1.q':
    'Train {stepsProjection} steps with crops down to {paperCropMinArea}. kNN of $h$…',
  'lesson.augment.1.rises': 'rises, as with the lab’s crops',
  'lesson.augment.1.falls': 'ends below where the random encoder started',
  'lesson.augment.1.why':
    'It falls (seeds 1–3). At 16 × 16 pixels a crop of a small part of the image often keeps little of the outline, and two such views of one image may share little but colour. The paper’s crops serve 224 × 224 photos trained for hundreds of epochs: the strength of an augmentation has to fit the data and the budget.',
  'lesson.augment.2':
    'Back to the lab’s crops; the colour jitter strength goes from 0.5 to {strongColour}, SimCLR’s ImageNet setting (its CIFAR-10 runs used 0.5). The two views of an image now differ more in colour.',
  'lesson.augment.2.q':
    'After {stepsProjection} steps at strength {strongColour}: top-1 of the training task, and kNN of $h$?',
  'lesson.augment.2.easier': 'top-1 stays at least {top1Hard}: the task is no harder',
  'lesson.augment.2.harderWorse': 'top-1 below {top1Hard}, and kNN hardly rises',
  'lesson.augment.2.harderBetter': 'top-1 below {top1Hard}, yet kNN rises clearly',
  'lesson.augment.2.why':
    'The task got harder — colour tells the views of one image apart less — and yet kNN of $h$ rose clearly (seeds 1–3; here it also beat the default strength at the same steps). With colour less useful as a clue, the encoder leans on the outline, which is what the shape label needs. SimCLR saw the same: stronger colour distortion helps contrastive learning more than supervised learning (SimCLR §3, Table 1).',

  'lesson.falseneg.title': 'False negatives',
  'lesson.falseneg.1':
    'The negatives are every other image of the batch — other images of the anchor’s own kind of shape included. The loss pushes those away as hard as a star from a circle.',
  'lesson.falseneg.1.q':
    'In a batch of 16 of these images (6 kinds of shape), how many of an anchor’s 30 negatives show its own kind?',
  'lesson.falseneg.1.none': 'none',
  'lesson.falseneg.1.five': 'about 5',
  'lesson.falseneg.1.fifteen': 'about 15',
  'lesson.falseneg.1.why':
    'Each of the other 15 images is of the anchor’s kind about one time in six, and each brings two views: about 5 false negatives per anchor. Shapes still group because most negatives are of other kinds; but with few classes, false negatives are in every batch.',
  'lesson.falseneg.2':
    'MoCo takes its negatives from a queue of keys of earlier batches: here $K={falseNegativeQueue}$ keys on this lab’s images. {stepsQueueFill} steps fill the queue.',
  'lesson.falseneg.2.q':
    'How many keys of the anchor’s own image — made from its earlier views — are among its negatives?',
  'lesson.falseneg.2.none': 'none: the queue holds other images',
  'lesson.falseneg.2.one': 'about one',
  'lesson.falseneg.2.several': 'several',
  'lesson.falseneg.2.why':
    'A full queue holds every training image $K$ / images times (see above), so the anchor’s own older keys are negatives: the loss pushes an image away from itself. On ImageNet’s 1.28 million images MoCo’s queue of 65,536 keys rarely holds the anchor’s own image (MoCo §3.2, §4).',
  'lesson.falseneg.3': 'Would a bigger batch help? SimCLR again, with $N={exampleBatch}$.',
  'lesson.falseneg.3.q':
    'At $N={exampleBatch}$, what share of an anchor’s negatives show its own kind of shape?',
  'lesson.falseneg.3.smaller': 'a smaller share than at $N=16$',
  'lesson.falseneg.3.same': 'about the same, one in six',
  'lesson.falseneg.3.why':
    'The share is set by the data (one kind in six), not by the batch: more negatives bring more false ones with them. A remedy changes the negatives’ weights instead: the Blind-SR lab weights each negative by how far its degradation is from the anchor’s (lesson “Degradation-prior weights”), so near-twins count for little. That prior uses the true blur σ — which makes that stage weakly supervised, not unsupervised.',

  'lesson.momentum.title': 'MoCo’s momentum',
  'lesson.momentum.1':
    'MoCo’s keys come from a momentum encoder, $\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$: a slowly moving copy of the trained encoder. This step trains MoCo at $m={momentumDefault}$ (the paper: 0.999, over much longer runs).',
  'lesson.momentum.1.q':
    'After {stepsMomentum} steps at $m={momentumDefault}$, does kNN of $h$ rise?',
  'lesson.momentum.1.learns': 'yes',
  'lesson.momentum.1.fails': 'no',
  'lesson.momentum.1.why':
    'It rises (seeds 1–3). The key encoder changes little from one step to the next, so the keys of the last batches in the queue are still comparable with today’s queries.',
  'lesson.momentum.2': 'Now $m=0$: the key encoder is a copy of the query encoder at every step.',
  'lesson.momentum.2.q': 'After {stepsMomentum} steps at $m=0$, does kNN of $h$ rise?',
  'lesson.momentum.2.learns': 'yes, the same as at $m={momentumDefault}$',
  'lesson.momentum.2.fails': 'no',
  'lesson.momentum.2.why':
    'It does not: kNN ends below where the random encoder started (seeds 1–3). The queue now holds keys of many different encoders, one per step, so queries are compared with an inconsistent set of keys. MoCo reports the same: at $m=0$ training fails (MoCo §4.1, ablation of the momentum).',

  'lesson.metrics.title': 'Reading the metrics',
  'lesson.metrics.1':
    'kNN accuracy: each held-out image takes the majority kind of its 5 most similar training images (cosine of $h$). With 6 kinds of shape, guessing scores $1/6$.',
  'lesson.metrics.1.q': 'A random encoder, never trained: its kNN accuracy is…',
  'lesson.metrics.1.chance': 'about chance, $1/6$',
  'lesson.metrics.1.half': 'about 0.5',
  'lesson.metrics.1.high': 'about 0.9',
  'lesson.metrics.1.why':
    'Far above chance before any training. A random network is still a fixed function of the pixels: images that look alike get similar $h$.',
  'lesson.metrics.2':
    'So the line to beat is not chance but the pixels themselves: the observation adds kNN on the raw pixels, 16 × 16 × 3 numbers per image and no network at all.',
  'lesson.metrics.2.q': 'kNN on the raw pixels, against the random encoder, is…',
  'lesson.metrics.2.lower': 'lower',
  'lesson.metrics.2.same': 'about the same',
  'lesson.metrics.2.higher': 'higher',
  'lesson.metrics.2.why':
    'Higher (seeds 1–3). These shapes are centred and upright, so where the bright pixels fall already says much about the kind; the random encoder averages its last maps over positions, which gives part of that layout away. A high kNN before training means easy data, not learning.',
  'lesson.metrics.3': 'Train {stepsBeatPixels} steps on from this model.',
  'lesson.metrics.3.q': 'Does kNN of $h$ end above kNN of the pixels?',
  'lesson.metrics.3.below': 'no',
  'lesson.metrics.3.above': 'yes',
  'lesson.metrics.3.why':
    'It does (seeds 1–3). What training adds is the margin over the pixels, not over chance. Read kNN against both lines, and top-1 as the task the loss trains, whose chance is $1/(2N-1)$.',
} as const;
