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
  'lesson.pairs.title': '正样本与负样本',
  'lesson.pairs.1':
    '批中的每张图像都被增强两次。同一图像的两个视图构成正样本对；批中的其他视图都是负样本。$N$ 张图像有 $2N$ 个视图，因此每个锚点有 1 个正样本和 $2N-2$ 个负样本。',
  'lesson.pairs.2':
    '矩阵中是每对视图的余弦相似度 $s_{ij}=\\hat z_i^{\\top}\\hat z_j$。正样本被描边。训练应让描边的格子变亮，其余变暗。',
  'lesson.head.title': '编码器与投影头',
  'lesson.head.1':
    '编码器 $f$ 把视图变成表示 $h=f(x)$；投影头 $g$ 把它映射为 $z=g(h)$，损失在 $z$ 上计算。训练结束后保留 $h$、丢弃 $g$：$h$ 是更好的表示（SimCLR §4.2）。',
  'lesson.head.2':
    '这张图显示的是 $h$ 而不是 $z$。kNN 准确率衡量 $h$ 对形状的分组有多好——尽管训练从未使用任何标签。',
  'lesson.ntxent.title': 'NT-Xent（InfoNCE）损失',
  'lesson.ntxent.1':
    '对于正样本为 $j$ 的锚点 $i$：$$\\ell_{i,j}=-\\log\\frac{\\exp(s_{ij}/\\tau)}{\\sum_{k\\ne i}\\exp(s_{ik}/\\tau)}$$ 这是一个 softmax 分类：在 $2N-1$ 个候选中找出正样本。矩阵现在显示每一行的 softmax。',
  'lesson.ntxent.2':
    '点击矩阵的一行，查看该锚点的 softmax 和它的损失项。总损失是 $2N$ 个锚点的平均；随机编码器约为 $\\log(2N-1)$，即损失图中的虚线。',
  'lesson.temperature.title': '温度',
  'lesson.temperature.1':
    '温度 $\\tau$ 在 softmax 之前除以每个相似度。本游乐场从 $\\tau=0.2$ 开始。拖动滑块：矩阵和损失会立即重新计算，无需训练步骤。',
  'lesson.temperature.2':
    '当 $\\tau=0.05$ 时，softmax 集中在最难的负样本上——最相似的错误候选——梯度也是如此。',
  'lesson.temperature.3':
    '当 $\\tau=1.5$ 时，每个负样本的权重几乎相同：损失变平，学习变慢。SimCLR 在 CIFAR-10 上用 $\\tau=0.5$，在 ImageNet 上用 $\\tau=0.1$；在这些形状上 $0.2$ 学得最快。',
  'lesson.negatives.title': '负样本，以及没有它们时的坍缩',
  'lesson.negatives.1':
    '每批图像越多，每个锚点的负样本就越多（$2N-2$）。这一步设置 $N=8$；训练后再试试 $N=16$ 或 $32$，比较曲线。',
  'lesson.negatives.2':
    '现在没有负样本了：损失只把正样本拉近，其下限 $-1/\\tau$ 在所有视图映射到同一点时达到。按下播放：几十步之内损失停在 $-1/\\tau$，均匀性升到 0，矩阵变得一片明亮——每个视图的 $z$ 都是同一个点。这就是坍缩。投影头可以独自坍缩，所以 $h$ 仍保留一些分散，但它什么也没学到：kNN 停留在随机初始化的水平。',
  'lesson.shortcut.title': '数据增强与颜色捷径',
  'lesson.shortcut.1':
    '颜色抖动和灰度化已关闭：同一图像的两个视图颜色相同，只凭颜色就能找到正样本。训练一会儿：top-1 上升很快，但嵌入按颜色分组，按形状的 kNN 仍然很低（PyTorch 对照：1,000 步后 kNN 0.33）。',
  'lesson.shortcut.2':
    '颜色抖动和灰度化重新打开：颜色捷径消失，编码器必须利用形状。重置并训练，比较 kNN 准确率（对照：1,000 步后 0.78；SimCLR §3.3）。',
  'lesson.degradation.title': '对比退化',
  'lesson.degradation.1':
    '在盲超分辨率中，图像的模糊和噪声是未知的。这里对比的是退化：以相同方式退化的图像块是正样本，以不同方式退化的是负样本。内容不应起作用。',
  'lesson.degradation.2':
    '训练阶段 1 并观察这个嵌入：点按模糊 $\\sigma$ 着色。好的退化编码器会按 $\\sigma$ 排序，与内容无关；$|\\rho|$ 衡量第一主成分与 $\\sigma$ 的一致程度。',
  'lesson.degradation.3':
    '构造正样本对有两种方式。这里是同一低分辨率图像的两个块（DASR）：它们共享退化，也共享内容，因此编码器可以匹配内容而不是模糊。重置并训练阶段 1，把 $|\\rho|$ 与默认方式比较——两张以相同方式退化的不同图像，即 CdCL 的内容解耦采样（Yuan 等，IEEE TIP 2025）。PyTorch 对照 300 步、3 个种子：同一图像的块 $|\\rho|$ 为 0.84 / 0.88 / 0.79，内容解耦为 0.95 / 0.97 / 0.88。',
  'lesson.weights.title': '退化先验权重',
  'lesson.weights.1':
    '模糊与查询几乎相同的负样本很可能不是真正的负样本。本游乐场为每个负样本加权 $w_j=1-\\exp\\left(-\\frac{d(q,j)^2}{2\\gamma^2}\\right)$（归一化为均值 1），并使用 $$-\\log\\frac{e^{s^+/\\tau}}{e^{s^+/\\tau}+\\sum_j w_j\\,e^{s_j/\\tau}}$$ 内环显示当前查询的 $w_j$。',
  'lesson.weights.2':
    '加权已关闭：内环变得均匀，每个负样本权重为 1，与 DASR 相同。公开的 LightBSR 代码没有这种加权——这是本游乐场对该思想的理解。',
  'lesson.queue.title': '动态队列',
  'lesson.queue.1':
    '负样本来自由之前批次的键组成的队列（MoCo）。队列以随机键（灰色）开始。每一步在指针处写入新键，覆盖最旧的键。$K=128$ 时可以看到它绕回。',
  'lesson.queue.2':
    '当真实键替换随机键时，损失先上升——简单的负样本变成困难的——随后随着编码器学习而下降。键编码器缓慢移动：$\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$。',
  'lesson.stages.title': '两个训练阶段',
  'lesson.stages.1':
    '阶段 1 只通过对比学习训练退化编码器。它的表示就是上采样网络将得到的关于模糊的信息。',
  'lesson.stages.2':
    '阶段 2 冻结编码器，并在相同批次上并行训练三个上采样网络：一个获知学到的表示，同一网络什么也不获知，另一个获知真实模糊（上限）。表示对每个块的特征做缩放和平移，并决定对低分辨率输入锐化的强度。按下播放，然后查看增益和按 $\\sigma$ 的 PSNR 图：模糊越强，知道模糊就越有帮助。',
  'lesson.family.title': '对比，还是不对比',
  'lesson.family.1':
    'SimCLR：同一图像的两个视图相互吸引，批内其余 $2N-2$ 个视图相互排斥。负样本让嵌入保持分散；它们的数量取决于批大小。按“播放”，观察 kNN 准确率与均匀性。',
  'lesson.family.2':
    'MoCo v2：同样的 InfoNCE，但负样本是之前批次的键，保存在大小为 $K$ 的队列中——这里每批 $N=8$ 张图像，$K=1024$ 个键。键来自动量编码器 $\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$，因此旧键仍可比较。大队列能让小批量得到大批量的效果吗？在这些形状上的测量（PyTorch 对照实现，种子 1，300 步后的 kNN，随机初始化为 0.48）：SimCLR $N=64$ 为 0.72，SimCLR $N=8$ 为 0.65，MoCo $N=8$、$K=16$ 为 0.57，$K=256$ 为 0.54，$K=1024$ 为 0.49（1000 步后 0.67）。在这里并不能：队列以随机向量开始，需要 $K/N=128$ 步才能填满，其中的键来自较旧的编码器，而 288 张图像也没有多少值得记住的负样本。MoCo 的队列在大数据集上才显出价值，那里需要大量负样本。',
  'lesson.family.3':
    'SimSiam：完全没有负样本。预测器 $p=h(z)$ 学习匹配另一个视图，$\\mathcal{L}=\\tfrac12 D(p_1,\\mathrm{sg}(z_2))+\\tfrac12 D(p_2,\\mathrm{sg}(z_1))$，其中 $D=-\\cos$。目标 $z$ 不从自己这一项获得梯度。常数映射也能达到最小值 $-1$，但训练并不会走向那里：观察均匀性保持在 0 以下。',
  'lesson.family.4':
    '同一个 SimSiam，关闭停止梯度。此时梯度也把每个 $z$ 拉向它的预测，最容易的解胜出：所有视图映射到同一点。均匀性升至 0，矩阵变得一片明亮，嵌入缩成一个点（SimSiam §4.1）。',
  'lesson.family.5':
    'BYOL：同样有预测器，而目标是网络的一个缓慢移动的副本（动量 $m$）。它的损失 $2-2\\cos(p,z^{\\prime})$ 也没有负样本；缓慢的目标与预测器使其不坍缩。四种方法中，只有 SimCLR 与 MoCo 会把样本推开。',
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
