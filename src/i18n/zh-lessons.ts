import type { enLessons } from './en-lessons';

/** 简体中文：引导课程与训练阶段。Typed against the English keys. */
export const zhLessons: Record<keyof typeof enLessons, string> = {
  'lessons.button': '课程',
  'lessons.title': '引导式课程',
  'lessons.choose': '课程',
  'lessons.next': '下一步',
  'lessons.previous': '上一步',
  'lessons.close': '关闭',
  'lessons.progress': '第 {n} 步，共 {total} 步',
  'controls.projectorBatchNorm': '投影头中的批归一化（SimSiam、BYOL）',
  'bsr.untrained.text':
    '退化编码器尚未训练：这个模型还没有运行过阶段 1。阶段 2 会让上采样网络去读噪声，它显示的任何“增益”也只是噪声。',
  'bsr.untrained.button': '先训练阶段 1',
  'bsr.untrained.training': '正在训练阶段 1 共 {n} 步，然后进入阶段 2……',
  'lessons.predictions': '每个课程步骤运行前先请学生预测',
  'lessons.predict': '你的预测',
  'lessons.skip': '跳过，直接运行',
  'lessons.runSteps': '运行 {n} 步',
  'lessons.show': '显示',
  'lessons.preparing': '先运行上一步，训练本步要接着使用的模型……',
  'lessons.progressLabel': '本课程步骤的训练步数',
  'lessons.failed': '运行在本步骤完成前停止了（见上方消息）。请重新选择以重试。',
  'lessons.observed': '本次运行',
  'lessons.inSteps': '共 {n} 步',
  'lessons.held': '你的预测成立。',
  'lessons.missed': '这次没有猜中：运行结果是“{answer}”。',
  'lessons.outcome': '运行结果：“{answer}”。',
  'lessons.unusual':
    '这与本平台自己的测试运行在此步骤测得的结果不同：值得再看一次（换一个种子，或多训练一会儿）。',
  'lessons.metric.knn': 'h 的 kNN 准确率（留出的形状）',
  'lessons.metric.top1': 'top-1：最相似的候选就是正样本（最近 20 批的平均）',
  'lessons.metric.loss': '损失（最近 20 步的平均）',
  'lessons.metric.chanceLoss': '随机水平 log(2N − 1)',
  'lessons.metric.positiveFloor': '下限 −1/τ',
  'lessons.metric.uniformity': 'z 的均匀性（0 = 所有视图在同一点）',
  'lessons.metric.negatives': '每个锚点的负样本数',
  'lessons.metric.views': '批中的视图数',
  'lessons.metric.positiveCosine': '正样本对的平均余弦',
  'lessons.metric.negativeCosine': '其余所有视图对的平均余弦',
  'lessons.metric.hardestShare02': 'τ = 0.2 时最难负样本在负样本权重中的占比',
  'lessons.metric.hardestShare005': 'τ = 0.05 时最难负样本的占比',
  'lessons.metric.hardestShare15': 'τ = 1.5 时最难负样本的占比',
  'lessons.metric.uniformShare': '所有负样本同等权重时的占比 1/(2N − 2)',
  'lessons.metric.batchLoss': '当前批次的 NT-Xent',
  'lessons.metric.queuePerImage': '满队列中每张训练图像的副本数（K / 图像数）',
  'lessons.metric.rho': '第一主成分与模糊 σ 的 |ρ|',
  'lessons.metric.gain': '学到的表示相对无条件的 PSNR 增益（dB）',
  'lessons.metric.referenceGain': '真实退化（参照）相对无条件的 PSNR 增益（dB）',
  'lessons.metric.gainWeakBlur': '最弱模糊处的增益（dB）',
  'lessons.metric.gainStrongBlur': '最强模糊处的增益（dB）',
  'lessons.metric.weightMin': '查询的负样本最小权重',
  'lessons.metric.weightMax': '查询的负样本最大权重',
  'lessons.metric.randomKeys': '队列中仍为随机键的比例',
  'lesson.pairs.title': '正样本与负样本',
  'lesson.pairs.1':
    '批中的每张图像都被增强两次。同一图像的两个视图构成正样本对；在 SimCLR 中，批中的其他视图都是负样本。$N$ 张图像有 $2N$ 个视图。',
  'lesson.pairs.1.q': '这一批有 $N = 16$ 张图像。每个锚点视图有多少个负样本？',
  'lesson.pairs.1.n15': '15——其他每张图像一个',
  'lesson.pairs.1.n30': '30——除自身及其正样本外的所有视图',
  'lesson.pairs.1.n31': '31——除自身外的所有视图',
  'lesson.pairs.1.why':
    '$2N$ 个视图，去掉锚点自身，再去掉它的正样本：$2N-2$。（这是 SimCLR 的计数：MoCo 的负样本是队列中的键，SimSiam 和 BYOL 没有负样本。）',
  'lesson.pairs.2':
    '矩阵中是每对视图的余弦相似度 $s_{ij}=\\hat z_i^{\\top}\\hat z_j$；正样本对被描边。',
  'lesson.pairs.2.q': '训练 {budget} 步后，描边的格子与其余格子相比如何？',
  'lesson.pairs.2.apart': '描边格子保持明亮，其余变暗',
  'lesson.pairs.2.same': '没有明显变化',
  'lesson.pairs.2.why':
    '损失奖励正样本的高 $s$ 和每个负样本的低 $s$，所以训练把两者拉开：上面两个平均值之间的差距就是训练造成的。',
  'lesson.head.title': '编码器与投影头',
  'lesson.head.1':
    '编码器 $f$ 把视图变成表示 $h=f(x)$；投影头 $g$ 把它映射为 $z=g(h)$，损失在 $z$ 上计算。训练结束后保留 $h$、丢弃 $g$（SimCLR §4.2 发现 $h$ 是更好的表示）。这张图显示的是 $h$；kNN 准确率衡量 $h$ 按种类对形状分组的好坏。',
  'lesson.head.1.q': '训练从不使用标签。训练 {budget} 步后，$h$ 的 kNN 准确率……',
  'lesson.head.1.rises': '明显上升',
  'lesson.head.1.stays': '停留在随机编码器的水平',
  'lesson.head.1.why':
    '为了把同一形状的两个视图与其他所有图像区分开，编码器必须保留经裁剪和颜色变化后仍然存在的东西——主要是轮廓——于是同类形状彼此靠近。标签只用来给结果打分。',
  'lesson.head.2':
    'top-1 看的是：对每个锚点，$2N-1$ 个候选中最相似的是否为它的正样本——这是损失在 $z$ 上训练的任务。随机水平为 $1/(2N-1)$，$N=16$ 时约 0.03。',
  'lesson.head.2.q': '再训练 {budget} 步后，训练任务的 top-1……',
  'lesson.head.2.high': '高于 0.5',
  'lesson.head.2.low': '仍接近随机水平',
  'lesson.head.2.why':
    '在 31 个候选中找出正样本学得很快；它是任务，不是目标。目标是 $h$，旁边 $h$ 的 kNN 说明这种能力有多少转移到了形状分组上。',
  'lesson.ntxent.title': 'NT-Xent（InfoNCE）损失',
  'lesson.ntxent.1':
    '对于正样本为 $j$ 的锚点 $i$：$$\\ell_{i,j}=-\\log\\frac{\\exp(s_{ij}/\\tau)}{\\sum_{k\\ne i}\\exp(s_{ik}/\\tau)}$$ 这是一个 softmax 分类：在 $2N-1$ 个候选中找出正样本。矩阵现在显示每一行的 softmax；点击一行可查看它的损失项。',
  'lesson.ntxent.1.q': '训练之前（$N=16$，31 个候选），这一批的损失接近……',
  'lesson.ntxent.1.chance': '$\\log 31\\approx 3.4$',
  'lesson.ntxent.1.one': '1',
  'lesson.ntxent.1.zero': '0',
  'lesson.ntxent.1.why':
    '未训练的编码器分不出正样本，每一行的 softmax 分散在全部 31 个候选上，约 $1/31$ 的 $-\\log$ 就是 $\\log 31$——损失图中的虚线。',
  'lesson.ntxent.2': '损失是 $\\ell$ 在全部 $2N$ 个锚点上的平均。',
  'lesson.ntxent.2.q': '训练 {budget} 步后，损失在哪里？',
  'lesson.ntxent.2.below': '远低于虚线 $\\log(2N-1)$',
  'lesson.ntxent.2.on': '仍在虚线上',
  'lesson.ntxent.2.why':
    '每一步都提高正样本在其所在行 softmax 中的占比。随机水平取决于 $N$，所以不同批大小的损失曲线不能按高低比较。',
  'lesson.temperature.title': '温度',
  'lesson.temperature.1':
    '每个相似度在 softmax 之前都除以温度 $\\tau$；本实验从 $\\tau=0.2$ 开始。拖动滑块：矩阵和损失会立即重新计算，无需训练步骤。',
  'lesson.temperature.1.q':
    '训练 {budget} 步后，在同一批上比较 $\\tau=0.05$ 与 $\\tau=0.2$：最相似的那个负样本在一行负样本权重中的占比……',
  'lesson.temperature.1.larger': '在 $\\tau=0.05$ 时更大',
  'lesson.temperature.1.smaller': '在 $\\tau=0.05$ 时更小',
  'lesson.temperature.1.why':
    '除以较小的 $\\tau$ 会在取指数之前拉大相似度之间的差别，所以 softmax——以及随之而来的梯度——集中在最难的负样本上，即最相似的错误候选。',
  'lesson.temperature.2': '现在 $\\tau=1.5$。',
  'lesson.temperature.2.q': '在 $\\tau=1.5$ 时，一行的负样本权重如何分配？',
  'lesson.temperature.2.even': '大致均匀：每个负样本的分量差不多',
  'lesson.temperature.2.hardest': '主要落在最难的负样本上',
  'lesson.temperature.2.why':
    '由于 $|s|\\le 1$，logit $s/\\tau$ 停留在 $\\pm0.67$ 之内：指数几乎分不开它们，所以最难负样本的占比接近 $1/(2N-2)$。',
  'lesson.temperature.3':
    '以 $\\tau=1.5$ 从新模型开始训练。SimCLR 在 CIFAR-10 上用 $\\tau=0.5$，在 ImageNet 上用 $\\tau=0.1$；本实验默认为 $0.2$。',
  'lesson.temperature.3.q': '以 $\\tau=1.5$ 训练 {budget} 步后，损失……',
  'lesson.temperature.3.near': '仍在随机水平线下方约 1 以内',
  'lesson.temperature.3.far': '远低于它，和 $\\tau=0.2$ 时一样',
  'lesson.temperature.3.why':
    'logit 限制在 $\\pm1/\\tau$ 之内时，损失无法远低于 $\\log(2N-1)$——这里它的下限是 $\\log(1+(2N-2)e^{-2/\\tau})\\approx2.2$——所以曲线变平。旁边的 kNN 说明编码器同时学到了什么：损失平坦并不等于什么也没学到。',
  'lesson.negatives.title': '负样本，以及没有它们时的坍缩',
  'lesson.negatives.1':
    '这一步设置 $N=8$。比较批大小时要小心：损失的随机水平 $\\log(2N-1)$ 和 top-1 任务都会随 $N$ 增大而变难，所以它们的曲线在不同 $N$ 之间不可比。$h$ 的 kNN 可比：在任何 $N$ 下的测量方式都相同。',
  'lesson.negatives.1.q': '每个锚点只有 14 个负样本，{budget} 步内 kNN 还会明显上升吗？',
  'lesson.negatives.1.rises': '会',
  'lesson.negatives.1.stays': '不会，需要更多负样本',
  'lesson.negatives.1.why':
    '即使只有少量负样本也能把视图分开。之后试试 $N=32$，比较 kNN，而不是损失。',
  'lesson.negatives.2':
    '现在没有负样本了：损失只把每张图像的两个视图拉近。任何让每张图像的两个视图得到相同 $z$ 的映射都能达到其下限 $-1/\\tau$——包括有用的映射。把所有视图送到同一点只是其中最平凡的一个。',
  'lesson.negatives.2.q': '没有负样本训练 {budget} 步。视图的 $z$ 去了哪里？',
  'lesson.negatives.2.collapse': '全部到同一点：均匀性升到 0',
  'lesson.negatives.2.spread': '仍然分散',
  'lesson.negatives.2.why':
    '损失中没有任何东西把不同图像推开，而常数映射是对齐每一对的最简单方式：梯度下降在几十步内就找到了它。这就是坍缩；矩阵变得一片明亮。旁边 $h$ 的 kNN 显示表示还剩下多少。',
  'lesson.shortcut.title': '数据增强与颜色捷径',
  'lesson.shortcut.1':
    '颜色抖动和灰度化已关闭：同一图像的两个视图颜色相同。SimCLR（§3，图 6）表明仅凭颜色直方图就能区分图像，而没有颜色失真时网络会利用这条捷径。',
  'lesson.shortcut.1.q': '没有颜色增强训练 {budget} 步后，按形状的 kNN……',
  'lesson.shortcut.1.low': '很低：低于 {knnNoColour300}',
  'lesson.shortcut.1.high': '和有颜色增强时一样好',
  'lesson.shortcut.1.why':
    '匹配颜色就足以找到正样本——top-1 很高——所以编码器从不需要形状，按形状的 kNN 一直很低。',
  'lesson.shortcut.2': '颜色抖动和灰度化重新打开：颜色捷径消失，编码器必须利用形状。',
  'lesson.shortcut.2.q': '同样训练 {budget} 步后，按形状的 kNN……',
  'lesson.shortcut.2.higher': '至少 {knnLearned300}',
  'lesson.shortcut.2.same': '和没有颜色增强时一样低',
  'lesson.shortcut.2.why':
    '每个视图的颜色都被打乱后，两个视图唯一共有的就是形状：这个任务迫使编码器去看形状。',
  'lesson.family.title': '对比，还是不对比',
  'lesson.family.1':
    'SimCLR：同一图像的两个视图相互吸引，批内其余 $2N-2$ 个视图相互排斥。这里 $N=8$。',
  'lesson.family.1.q': '训练 {budget} 步后，$z$ 中的视图是分散的还是坍缩的？',
  'lesson.family.1.spread': '分散（均匀性远低于 0）',
  'lesson.family.1.collapse': '坍缩（均匀性接近 0）',
  'lesson.family.1.why': '负样本把每一对不同图像推开，常数映射的损失很高：SimCLR 不会坍缩。',
  'lesson.family.2':
    'MoCo v2：同样的 InfoNCE，但负样本是由之前批次填入的队列中的 $K$ 个键——这里 $N=8$、$K=1024$——由动量编码器 $\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$ 生成。当前批次的键都不是负样本。',
  'lesson.family.2.q': '大队列能让小批量得到 SimCLR 批内负样本的效果吗？训练 {budget} 步后，kNN……',
  'lesson.family.2.higher': '至少 {knnLearned300}，与 $N=8$ 的 SimCLR 一样',
  'lesson.family.2.lower': '低于这个值',
  'lesson.family.2.why':
    '在这里不能。主要原因在数据：只有 288 张图像，大小为 1,024 的队列把每张图像存了约 3.5 次，锚点自身图像的旧键也成了负样本——这些假负样本把锚点推离它自己。此外，队列以随机向量开始，需要 $K/N=128$ 步才能填满，键来自较旧的编码器。MoCo 的队列在大数据集上才显出价值，那里队列很少包含锚点自身的图像。',
  'lesson.family.3':
    'SimSiam：没有负样本。预测器 $p$ 学习匹配另一个视图，$\\mathcal{L}=\\tfrac12 D(p_1,\\mathrm{sg}(z_2))+\\tfrac12 D(p_2,\\mathrm{sg}(z_1))$，其中 $D=-\\cos$；目标不获得梯度（停止梯度）。常数映射也能达到最小值 $-1$。',
  'lesson.family.3.q': '训练 {budget} 步后，SimSiam 坍缩了吗？',
  'lesson.family.3.spread': '没有，视图保持分散',
  'lesson.family.3.collapse': '坍缩了，均匀性接近 0',
  'lesson.family.3.why':
    '停止梯度（以及本实验中投影头里的批归一化）使训练远离常数解。在这些形状上 SimSiam 学得较慢：最初几百步它的 kNN 先降到随机编码器以下，然后才上升。',
  'lesson.family.4': '同一个 SimSiam，关闭停止梯度。',
  'lesson.family.4.q': '关闭停止梯度训练 {budget} 步后？',
  'lesson.family.4.spread': '仍然分散',
  'lesson.family.4.collapse': '坍缩：均匀性接近 0',
  'lesson.family.4.why':
    '此时梯度也把每个 $z$ 拉向它的预测，最容易的解胜出：所有视图映射到同一点（SimSiam §4.1）。这里测得：如果 $z$ 上也有批归一化（SimSiam 自己的代码），关闭停止梯度并不会坍缩——仅批归一化就能让批内样本保持分开。本实验去掉了这层批归一化，以便显示坍缩。',
  'lesson.family.5':
    'BYOL：同样有预测器，而目标是网络的一个缓慢移动的副本（动量 $m$）；它的损失 $2-2\\cos(p,z^{\\prime})$ 没有负样本。本实验中 BYOL 投影头的两层都有批归一化，它把一批中的视图耦合在一起。',
  'lesson.family.5.q': '训练 {budget} 步后，BYOL 坍缩了吗？',
  'lesson.family.5.spread': '没有，保持分散',
  'lesson.family.5.collapse': '坍缩了',
  'lesson.family.5.why':
    '仅凭这次运行还不能确定是什么让它保持分散：缓慢的目标、预测器和批归一化都有可能。下一步去掉批归一化。',
  'lesson.family.6':
    '同一个 BYOL，但投影头中没有批归一化（SimCLR 的投影头：线性、ReLU、线性）。缓慢的目标和预测器仍然保留。',
  'lesson.family.6.q': '没有批归一化训练 {budget} 步后，$h$ 的 kNN 与随机编码器相比……',
  'lesson.family.6.above': '明显更高',
  'lesson.family.6.below': '并不更高',
  'lesson.family.6.why.above':
    '在这次运行中，BYOL 没有批归一化也学到了东西：缓慢的目标和预测器足以防止坍缩。所以在这些形状上，让 BYOL 保持分散的并不是批归一化——它把一批中的视图耦合在一起，是一种隐含的对比。',
  'lesson.family.6.why.below':
    '在这次运行中，没有批归一化的 BYOL 没有学到东西：kNN 最终不比随机编码器好。批归一化把一批中的视图耦合在一起——每个输出都依赖其他样本——这是一种隐含的对比进入没有负样本的损失的途径。',
  'stages.button': '按阶段单步',
  'stages.exit': '退出阶段模式',
  'stages.next': '下一阶段',
  'stages.slow': '慢动作',
  'stages.label': '阶段 {n}/{total}：{name}',
  'stage.simclr.augment': '增强——为每张图像生成两个随机视图',
  'stage.simclr.encode': '编码——编码器把每个视图变为 h',
  'stage.simclr.project': '投影——投影头把 h 映射为 z，并归一化到单位球面',
  'stage.simclr.similarity': '相似度——每对视图的余弦',
  'stage.simclr.loss': '损失——对每一行做 softmax，取 −log p(正样本)',
  'stage.simclr.update': '更新——对编码器和投影头做一次 Adam 更新',
  'stage.blindsr.degrade': '退化——对高分辨率裁剪做模糊、下采样并加噪声',
  'stage.blindsr.patches': '图像块——切出查询块和键块',
  'stage.blindsr.encode': '编码——查询编码器与动量键编码器',
  'stage.blindsr.queue': '队列——负样本：之前批次的键',
  'stage.blindsr.weighted': '加权 InfoNCE——按退化距离为负样本加权',
  'stage.blindsr.update': '更新——Adam 更新、动量更新、键入队',
};
