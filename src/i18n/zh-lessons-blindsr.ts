import type { enLessonsBlindSr } from './en-lessons-blindsr';

/** 简体中文：盲超分实验的引导课程。Typed against the English keys. */
export const zhLessonsBlindSr: Record<keyof typeof enLessonsBlindSr, string> = {
  'lesson.degradation.title': '对比退化',
  'lesson.degradation.1':
    '在盲超分辨率中，图像的模糊和噪声是未知的。这里对比的是退化：以相同方式退化的图像块是正样本，以不同方式退化的是负样本；内容不应起作用。点按模糊 $\\sigma$ 着色；$|\\rho|$ 衡量第一主成分与 $\\sigma$ 的一致程度。',
  'lesson.degradation.1.q': '训练之前，随机编码器是否已经按模糊对图像块排序？',
  'lesson.degradation.1.low': '几乎没有：$|\\rho|$ 低于 {rhoRandom}',
  'lesson.degradation.1.high': '已经很好：$|\\rho|$ 达到 {rhoRandom} 或更高',
  'lesson.degradation.1.why':
    '随机卷积确实对锐度有一点反应，但它最强的方向跟随图像块的内容，而不是模糊。',
  'lesson.degradation.2': '训练阶段 1。',
  'lesson.degradation.2.q': '训练 {budget} 步后，$|\\rho|$……',
  'lesson.degradation.2.rises': '至少 {rhoStage1}',
  'lesson.degradation.2.stays': '仍然很低',
  'lesson.degradation.2.why':
    '要把同一退化的图像块与其他图像块区分开，编码器必须描述退化本身，而与内容无关：第一主成分变成了模糊。',
  'lesson.degradation.3':
    '构造正样本对有两种方式。默认方式是两张以相同方式退化的不同图像（CdCL 的内容解耦采样，Yuan 等，IEEE TIP 2025）。这里是同一低分辨率图像的两个块（DASR）：它们共享退化，也共享内容，因此编码器可能去匹配内容而不是模糊。',
  'lesson.degradation.3.q': '正样本来自同一图像时，训练 {budget} 步后 $|\\rho|$……',
  'lesson.degradation.3.rises': '仍然至少 {rhoStage1}',
  'lesson.degradation.3.stays': '很低：编码器匹配了内容',
  'lesson.degradation.3.why':
    '队列中的负样本来自其他图像、其他模糊，单凭内容解决不了这个任务：模糊仍然被学到。把 $|\\rho|$ 与上一步的运行比较：内容解耦的正样本对让编码器除了模糊之外没有别的可匹配。',
  'lesson.weights.title': '退化先验权重',
  'lesson.weights.1':
    '模糊与查询几乎相同的负样本很可能不是真正的负样本。本实验为每个负样本加权 $w_j=1-\\exp\\left(-\\frac{d(q,j)^2}{2\\gamma^2}\\right)$（归一化为均值 1），并使用 $$-\\log\\frac{e^{s^+/\\tau}}{e^{s^+/\\tau}+\\sum_j w_j\\,e^{s_j/\\tau}}$$ $d$ 由每个图像块真实的 $\\sigma$ 和噪声水平算出，所以阶段 1 是弱监督的，而不是无监督的。内环显示当前查询的 $w_j$。',
  'lesson.weights.1.q': '训练 {budget} 步后，模糊与查询几乎相同的负样本得到的权重……',
  'lesson.weights.1.near0': '接近 0',
  'lesson.weights.1.one': '约为 1，与其他负样本一样',
  'lesson.weights.1.above': '大于 1',
  'lesson.weights.1.why':
    '当 $d(q,j)\\to0$ 时 $w_j$ 趋于 0：可能的假负样本几乎不计入，而归一化到均值 1 把它的份额交给明显不同的负样本。',
  'lesson.weights.2':
    '加权已关闭，与 DASR 相同。公开的 LightBSR 代码也没有这种加权：这种加权是本实验对该思想的理解。',
  'lesson.weights.2.q': '现在负样本的权重……',
  'lesson.weights.2.equal': '全部相等（为 1）',
  'lesson.weights.2.vary': '仍然各不相同',
  'lesson.weights.2.why':
    '没有先验时每个负样本权重为 1，损失中不含任何真实 $\\sigma$：这就是普通的无监督 InfoNCE。',
  'lesson.queue.title': '动态队列',
  'lesson.queue.1':
    '负样本来自由之前批次的键组成的队列（MoCo）。队列以随机键（灰色）开始。每一步在指针处写入 $N=16$ 个新键，覆盖最旧的键。这里 $K=128$。',
  'lesson.queue.1.q': '训练 {budget} 步后，队列中还有多少是随机键？',
  'lesson.queue.1.none': '没有',
  'lesson.queue.1.half': '大约一半',
  'lesson.queue.1.all': '几乎全部',
  'lesson.queue.1.why': '$K/N=128/16=8$ 步就在每个位置写入一个键。',
  'lesson.queue.2':
    '键编码器缓慢移动，$\\theta_k\\leftarrow m\\,\\theta_k+(1-m)\\,\\theta_q$，因此队列中的键虽然来自较旧的编码器，仍然可以比较。',
  'lesson.queue.2.q': '再训练 {budget} 步：损失……',
  'lesson.queue.2.falls': '下降',
  'lesson.queue.2.rises': '上升',
  'lesson.queue.2.why.rises':
    '在这次运行中损失上升了，而 $|\\rho|$ 也在上升：编码器确实在学习。随着学习，它的键分布到各种模糊上，队列中出现与查询模糊相近的负样本——更难的负样本——所以带有不断学习的键编码器的队列，其损失不是进度条；$|\\rho|$ 才是。',
  'lesson.queue.2.why.falls':
    '在这次运行中损失下降了：编码器区分退化的速度快于键让负样本变难的速度。请同时看旁边的 $|\\rho|$：带有不断学习的键编码器的队列，其损失本身不是进度条。',
  'lesson.stages.title': '两个训练阶段',
  'lesson.stages.1':
    '阶段 1 只通过对比学习训练退化编码器。它的表示就是上采样网络将得到的关于模糊的信息。',
  'lesson.stages.1.q': '阶段 1 训练 {budget} 步后，表示是否按模糊排序？',
  'lesson.stages.1.rises': '是：$|\\rho|$ 至少 {rhoStage1}',
  'lesson.stages.1.stays': '还没有',
  'lesson.stages.1.why': '与上一课相同的对比：编码器描述了模糊。',
  'lesson.stages.2':
    '阶段 2 冻结编码器，并在相同批次上并行训练三个上采样网络：一个获知学到的表示，同一网络什么也不获知，另一个获知真实退化（作为参照）。表示对每个块的特征做缩放和平移，并决定对低分辨率输入锐化的强度。',
  'lesson.stages.2.q': '阶段 2 训练 {budget} 步后，学到的表示在哪里带来的 PSNR 增益最大？',
  'lesson.stages.2.weak': '在弱模糊处',
  'lesson.stages.2.strong': '在强模糊处',
  'lesson.stages.2.same': '各处差不多',
  'lesson.stages.2.why.weak':
    '在这次运行中，知道模糊在模糊较弱处帮助最大。轻度模糊的低分辨率图像仍保留细节，恰当的锐化程度能把它恢复，错误的程度则会毁掉它；在强模糊下细节已经丢失，任何条件都无法找回。',
  'lesson.stages.2.why.strong':
    '在这次运行中，知道模糊在模糊较强处帮助最大：在那里锐化不足代价最高。在弱模糊下，什么也不获知的上采样网络已经做得不错。',
  'lesson.stages.2.why.same':
    '在这次运行中，增益与模糊程度关系不大：表示在各个等级上的帮助差不多。',
  'lesson.stages.3':
    '第三个上采样网络获知真实的 $\\sigma$ 和噪声水平。它是参照，而不是上限：它得到两个数字，仍需在同样少的步数内学会它们的含义；而学到的表示是直接从低分辨率图像块读出的 64 个数字，并已由阶段 1 组织好。',
  'lesson.stages.3.q': '相对于什么也不获知的上采样网络，哪一个增益更大？',
  'lesson.stages.3.reference': '真实退化',
  'lesson.stages.3.learned': '学到的表示',
  'lesson.stages.3.why.reference':
    '在这次运行中真实退化帮助更大：它是精确的，训练足够多步后上采样网络能学会利用它。',
  'lesson.stages.3.why.learned':
    '在这次运行中学到的表示胜过了真实退化：在短时间的训练里，一个更丰富、已由阶段 1 组织好的条件比两个原始数字更容易利用。',
};
