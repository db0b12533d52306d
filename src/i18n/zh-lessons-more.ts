import type { enLessonsMore } from './en-lessons-more';

/** 简体中文：#22 的六课——批大小、h 与 z、增强强度、假负样本、MoCo 的动量、读懂指标。 */
export const zhLessonsMore: Record<keyof typeof enLessonsMore, string> = {
  'lessons.metric.knnZ': 'z 的 kNN 准确率（留出的形状）',
  'lessons.metric.pixelKnn': '原始像素的 kNN 准确率（不用网络）',
  'lessons.metric.knnChance': '随机水平：1 / 形状种类数',
  'lessons.metric.sameClassNegatives': '每个锚点的负样本中与它同种形状的个数',
  'lessons.metric.sameClassShare': '负样本中与锚点同种形状的比例',
  'lessons.metric.ownKeys': '队列中锚点自身图像的旧键个数',

  'lesson.batch.title': '批大小与负样本',
  'lesson.batch.1':
    '种子中的例子：一批 $N={exampleBatch}$ 张图像。每张图像增强两次；一个锚点视图的正样本是同一图像的另一个视图，在 SimCLR 中批里其余的视图都是负样本。',
  'lesson.batch.1.q': '$N={exampleBatch}$ 张图像时，每个锚点有多少个负样本？',
  'lesson.batch.1.n99': '99——其他每张图像一个',
  'lesson.batch.1.n198': '198——除自身及其正样本外的所有视图',
  'lesson.batch.1.n199': '199——除自身外的所有视图',
  'lesson.batch.1.why':
    '$2N$ 个视图，去掉锚点自身和它的正样本：$2N-2$。损失要求锚点在 $2N-1$ 个候选中找出正样本，所以随机水平 $\\log(2N-1)$ 随 $N$ 升高：不同批大小的损失曲线不能按高度比较。',
  'lesson.batch.2':
    '先用本实验的默认值 $N=16$，从新模型训练 {stepsBatch} 步。损失和 top-1 都会随 $N$ 增大而变难，所以比较批大小要看 $h$ 的 kNN：它在任何 $N$ 下的测量方式都相同。',
  'lesson.batch.2.q': '$N=16$ 训练 {stepsBatch} 步后，$h$ 的 kNN 至少达到 {knnBatchSplit} 吗？',
  'lesson.batch.2.above': '是，至少 {knnBatchSplit}',
  'lesson.batch.2.below': '否，低于 {knnBatchSplit}',
  'lesson.batch.2.why':
    '在本实验的种子 1–3 上，它都低于 {knnBatchSplit}。记住这次运行的 kNN，下一步要用。',
  'lesson.batch.3':
    '现在 $N={exampleBatch}$，同样从新模型训练 {stepsBatch} 步。每一步的图像多了六倍以上，也更慢：留意每秒步数。',
  'lesson.batch.3.q':
    '$N={exampleBatch}$ 训练 {stepsBatch} 步后，$h$ 的 kNN 至少达到 {knnBatchSplit} 吗？',
  'lesson.batch.3.above': '是，至少 {knnBatchSplit}',
  'lesson.batch.3.below': '否，低于 {knnBatchSplit}',
  'lesson.batch.3.why':
    '在种子 1–3 上它都达到了 {knnBatchSplit}，而 $N=16$ 没有。这里同时变了两件事：每个锚点的负样本更多，每一步看到的图像也更多。SimCLR 发现训练越短，大批量的优势越大（SimCLR §5.2，图 9）。',

  'lesson.projection.title': '保留 h，丢弃 z',
  'lesson.projection.1':
    '编码器给出 $h=f(x)$；投影头给出 $z=g(h)$，损失在 $z$ 上计算。嵌入面板在同一批留出的形状上同时显示两者的 kNN。',
  'lesson.projection.1.q': '训练之前（$f$ 和 $g$ 都是随机的），哪一个对形状分组更好？',
  'lesson.projection.1.h': '$h$ 的 kNN',
  'lesson.projection.1.same': '差不多',
  'lesson.projection.1.z': '$z$ 的 kNN',
  'lesson.projection.1.why':
    '$z$ 只由 $h$ 算出，所以它对图像的了解不会超过 $h$；随机的投影头把 $h$ 混合并压缩，在这里丢掉了一部分用于区分形状的信息：$z$ 的 kNN 一开始低于 $h$ 的（种子 1–3）。',
  'lesson.projection.2':
    '在这个模型上继续训练 {stepsProjection} 步。SimCLR 在线性评估中发现 $h$ 比 $z$ 好 10% 以上（SimCLR §4.2）：投影头学会丢掉数据增强所改变的信息，例如颜色，而后续任务可能需要它。',
  'lesson.projection.2.q': '训练 {stepsProjection} 步后，哪一个对形状分组更好？',
  'lesson.projection.2.h': '$h$ 的 kNN，明显更好',
  'lesson.projection.2.same': '差不多（相差不超过 {knnSameWithin}）',
  'lesson.projection.2.z': '$z$ 的 kNN，明显更好',
  'lesson.projection.2.why':
    '在这些形状上两者最后差不多（种子 1–3 上相差不超过 {knnSameWithin}，有时 $z$ 略高）。形状的种类在本实验的每一种增强下都保持不变，所以投影头丢掉的并不是形状标签需要的信息。当任务需要增强所改变的信息时，$h$ 的优势才会显现——这就是保留 $h$ 的原因。',

  'lesson.augment.title': '数据增强应该多强？',
  'lesson.augment.1':
    'SimCLR 的裁剪面积在图像的 {paperCropMinArea} 到全部之间（SimCLR 附录 A）；本实验的最小裁剪是 {labCropMinArea}。这一步把它设为 {paperCropMinArea}：看看视图——很多只剩形状的一部分。',
  'lesson.augment.1.q': '用最小 {paperCropMinArea} 的裁剪训练 {stepsProjection} 步。$h$ 的 kNN……',
  'lesson.augment.1.rises': '上升，和本实验的默认裁剪一样',
  'lesson.augment.1.falls': '最后低于随机编码器的起点',
  'lesson.augment.1.why':
    '它下降了（种子 1–3）。在 16 × 16 像素下，只取图像一小部分的裁剪常常只留下很少的轮廓，同一图像的两个这样的视图可能除了颜色几乎没有共同之处。论文的裁剪用于 224 × 224 的照片、数百个 epoch 的训练：增强的强度要与数据和训练预算相匹配。',
  'lesson.augment.2':
    '回到本实验的裁剪；颜色抖动强度从 0.5 提高到 {strongColour}，即 SimCLR 在 ImageNet 上的设置（其 CIFAR-10 实验用 0.5）。同一图像的两个视图在颜色上差别更大了。',
  'lesson.augment.2.q':
    '强度 {strongColour} 下训练 {stepsProjection} 步后：训练任务的 top-1 和 $h$ 的 kNN 会怎样？',
  'lesson.augment.2.easier': 'top-1 仍至少为 {top1Hard}：任务没有变难',
  'lesson.augment.2.harderWorse': 'top-1 低于 {top1Hard}，kNN 几乎不升',
  'lesson.augment.2.harderBetter': 'top-1 低于 {top1Hard}，但 kNN 明显上升',
  'lesson.augment.2.why':
    '任务变难了——颜色更难用来认出同一图像的两个视图——但 $h$ 的 kNN 明显上升（种子 1–3；在相同步数下还超过了默认强度）。颜色不再是可靠的线索，编码器只好依靠轮廓，而这正是形状标签需要的。SimCLR 也看到同样的现象：更强的颜色失真对对比学习的帮助大于对监督学习（SimCLR §3，表 1）。',

  'lesson.falseneg.title': '假负样本',
  'lesson.falseneg.1':
    '负样本是批中其他所有图像——包括与锚点同种形状的其他图像。损失把它们推开的力度，和把星形推离圆形一样大。',
  'lesson.falseneg.1.q':
    '一批 16 张这样的图像（6 种形状）中，锚点的 30 个负样本里有多少个与它同种形状？',
  'lesson.falseneg.1.none': '没有',
  'lesson.falseneg.1.five': '约 5 个',
  'lesson.falseneg.1.fifteen': '约 15 个',
  'lesson.falseneg.1.why':
    '其余 15 张图像中每一张与锚点同种的概率约为六分之一，每张带来两个视图：每个锚点约有 5 个假负样本。形状仍能分组，因为大多数负样本属于其他种类；但类别很少时，每一批都有假负样本。',
  'lesson.falseneg.2':
    'MoCo 的负样本取自由之前批次的键组成的队列：这里在本实验的图像上用 $K={falseNegativeQueue}$ 个键。训练 {stepsQueueFill} 步把队列填满。',
  'lesson.falseneg.2.q': '锚点自身图像的键——由它之前的视图生成——有多少个在它的负样本中？',
  'lesson.falseneg.2.none': '没有：队列里都是其他图像',
  'lesson.falseneg.2.one': '约一个',
  'lesson.falseneg.2.several': '好几个',
  'lesson.falseneg.2.why':
    '满队列把每张训练图像存了 $K$ / 图像数 次（见上方），所以锚点自身的旧键也是负样本：损失把一张图像推离它自己。在 ImageNet 的 128 万张图像上，MoCo 的 65,536 个键的队列很少包含锚点自身的图像（MoCo §3.2、§4）。',
  'lesson.falseneg.3': '更大的批量有帮助吗？再回到 SimCLR，$N={exampleBatch}$。',
  'lesson.falseneg.3.q': '$N={exampleBatch}$ 时，锚点的负样本中与它同种形状的比例是多少？',
  'lesson.falseneg.3.smaller': '比 $N=16$ 时更小',
  'lesson.falseneg.3.same': '差不多，六分之一',
  'lesson.falseneg.3.why':
    '这个比例由数据决定（六种中的一种），而不是由批量决定：更多的负样本也带来更多的假负样本。一种补救办法是改变负样本的权重：Blind-SR 实验按每个负样本的退化与锚点相差多远给它加权（课程“退化先验权重”），让几乎相同的负样本几乎不起作用。这个先验用的是真实的模糊 σ——所以那个阶段是弱监督的，而不是无监督的。',

  'lesson.momentum.title': 'MoCo 的动量',
  'lesson.momentum.1':
    'MoCo 的键来自动量编码器 $\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$：被训练编码器的一个缓慢移动的副本。这一步用 $m={momentumDefault}$ 训练 MoCo（论文用 0.999，训练时间长得多）。',
  'lesson.momentum.1.q': '$m={momentumDefault}$ 训练 {stepsMomentum} 步后，$h$ 的 kNN 会上升吗？',
  'lesson.momentum.1.learns': '会',
  'lesson.momentum.1.fails': '不会',
  'lesson.momentum.1.why':
    '它上升了（种子 1–3）。键编码器每一步变化很小，所以队列里最近几批的键仍能与当前的查询相比较。',
  'lesson.momentum.2': '现在 $m=0$：键编码器每一步都是查询编码器的副本。',
  'lesson.momentum.2.q': '$m=0$ 训练 {stepsMomentum} 步后，$h$ 的 kNN 会上升吗？',
  'lesson.momentum.2.learns': '会，和 $m={momentumDefault}$ 时一样',
  'lesson.momentum.2.fails': '不会',
  'lesson.momentum.2.why':
    '不会：kNN 最后低于随机编码器的起点（种子 1–3）。此时队列中的键来自许多不同的编码器，每步一个，查询被拿来与一组不一致的键比较。MoCo 报告了同样的结果：$m=0$ 时训练失败（MoCo §4.1，动量的消融实验）。',

  'lesson.metrics.title': '读懂指标',
  'lesson.metrics.1':
    'kNN 准确率：每张留出图像取与它最相似（$h$ 的余弦）的 5 张训练图像中的多数种类。有 6 种形状，随便猜的准确率是 $1/6$。',
  'lesson.metrics.1.q': '一个从未训练过的随机编码器，它的 kNN 准确率是……',
  'lesson.metrics.1.chance': '约等于随机水平 $1/6$',
  'lesson.metrics.1.half': '约 0.5',
  'lesson.metrics.1.high': '约 0.9',
  'lesson.metrics.1.why':
    '训练之前就远高于随机水平。随机网络仍然是像素的一个固定函数：看起来相似的图像得到相似的 $h$。',
  'lesson.metrics.2':
    '所以要超过的不是随机水平，而是像素本身：观察结果中加入了原始像素上的 kNN，每张图像 16 × 16 × 3 个数，完全不用网络。',
  'lesson.metrics.2.q': '与随机编码器相比，原始像素上的 kNN……',
  'lesson.metrics.2.lower': '更低',
  'lesson.metrics.2.same': '差不多',
  'lesson.metrics.2.higher': '更高',
  'lesson.metrics.2.why':
    '更高（种子 1–3）。这些形状居中且直立，亮像素落在哪里已经说明了很多种类信息；随机编码器对最后的特征图按位置取平均，丢掉了一部分这种布局信息。训练前 kNN 就很高，说明的是数据容易，而不是学到了什么。',
  'lesson.metrics.3': '在这个模型上继续训练 {stepsBeatPixels} 步。',
  'lesson.metrics.3.q': '$h$ 的 kNN 最后会高于像素的 kNN 吗？',
  'lesson.metrics.3.below': '不会',
  'lesson.metrics.3.above': '会',
  'lesson.metrics.3.why':
    '会（种子 1–3）。训练带来的，是超出像素的那部分，而不是超出随机水平的部分。读 kNN 时要对照这两条线；top-1 则是损失所训练的任务，它的随机水平是 $1/(2N-1)$。',
};
