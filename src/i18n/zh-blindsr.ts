import type { enBlindSr } from './en-blindsr';

/** 简体中文：盲超分辨率实验室的控件与面板。Typed against the English keys. */
export const zhBlindSr: Record<keyof typeof enBlindSr, string> = {
  'bsr.stage': '训练阶段',
  'bsr.stage.1': '1 · 退化对比学习',
  'bsr.stage.2': '2 · 超分辨率',
  'bsr.stage.help':
    '阶段 1 通过对比学习训练退化编码器。阶段 2 冻结它，并训练由它调制的上采样网络。',
  'bsr.scale': '放大倍数',
  'bsr.blurKind': '模糊核',
  'bsr.blurKind.isotropic': '各向同性高斯',
  'bsr.blurKind.anisotropic': '各向异性高斯',
  'bsr.sigmaMin': '最小模糊 σ',
  'bsr.sigmaMax': '最大模糊 σ',
  'bsr.noiseMax': '噪声上限（0–255）',
  'bsr.queueSize': '队列长度 K',
  'bsr.queueSize.help': '作为负样本的历史键的数量（MoCo）。修改会重建模型。',
  'bsr.momentum': '键编码器动量 m',
  'bsr.momentum.help': 'θk ← m·θk + (1 − m)·θq。接近 1：队列中的键变化缓慢、保持一致。',
  'bsr.temperature': '温度 τ',
  'bsr.finetune': '联合微调编码器（L1 + 对比）',
  'bsr.finetune.help':
    '关闭（默认）：阶段 1 之后冻结退化编码器，上采样网络学习利用其表示——有无表示的比较保持公平。开启：每一步还执行一次对比学习步骤，并让 L1 损失也传到编码器，如原论文那样优化整个模型；表示随之向上采样网络需要的方向漂移。',
  'bsr.weighting': '按退化先验加权负样本',
  'bsr.weighting.help':
    '本游乐场对 LightBSR 思想的实现（公开的 LightBSR 代码没有加权）：与查询退化几乎相同的负样本——很可能是假负样本——权重很小。',
  'bsr.pairing': '正样本对',
  'bsr.pairing.image': '同一低分辨率图像的两个块（DASR）',
  'bsr.pairing.degradation': '两张相同退化的不同图像（CdCL，内容解耦）',
  'bsr.pairing.help':
    '同一图像的块也共享内容，这是一条捷径：编码器可以匹配内容而不是模糊。内容解耦采样（CdCL，Yuan 等，IEEE TIP 2025）把以相同方式退化的两张不同图像配成正样本对，只留下退化这一共同点。',
  'panel.degradation.title': '退化：HR → 模糊核 → LR → 图像块',
  'panel.degradation.caption':
    '每个高分辨率裁剪先用其模糊核模糊，再下采样并加噪声。红色（查询）与蓝色（键）图像块是一对正样本：退化相同。⇄ 表示键来自以相同方式退化的另一张图像。',
  'panel.degradation.params': 'σ {sigma} · 噪声 {noise}',
  'panel.queue.title': '负样本队列',
  'panel.queue.caption':
    'K 个键排成一个环，最旧的先被覆盖（箭头：写指针）。外环：每个条目的模糊 σ（灰色：随机初始）。内环：它对当前查询的权重。',
  'panel.queue.fill': '{percent} % 为真实键',
  'panel.queue.query': '当前查询 σ {sigma}',
  'panel.queue.weightsOff': '加权已关闭：每个负样本权重为 1',
  'panel.bsrEmbedding.title': '退化嵌入（PCA）',
  'panel.bsrEmbedding.caption':
    '固定网格的表示：8 个模糊级别 × 6 种内容，按 σ 着色。学好后：按模糊排序，而不是按内容。',
  'panel.bsrEmbedding.spearman': '|Spearman(σ, PC1)|：{value}',
  'panel.sr.title': '超分辨率 ×{scale}',
  'panel.sr.caption':
    '留出集裁剪，共八个模糊等级（每级 8 个）。三个上采样网络在相同批次上并行训练：不使用条件、以学到的退化表示为条件、以真实退化为条件（上限）。',
  'panel.sr.low': 'LR',
  'panel.sr.bicubic': '双三次',
  'panel.sr.sr': 'SR',
  'panel.sr.hr': 'HR',
  'panel.sr.method.bicubic': '双三次',
  'panel.sr.method.without': '不使用退化表示的 SR',
  'panel.sr.method.learned': '使用学到的退化表示的 SR',
  'panel.sr.method.oracle': '使用真实退化的 SR（理想上限）',
  'panel.sr.gain': '退化表示带来的增益',
  'panel.sr.bySigma': '留出集各模糊等级 σ 下的 PSNR（dB）',
  'panel.sr.exampleSigma': '示例裁剪：模糊 σ {sigma}；所示 SR 为使用学到的退化表示的结果。',
  'panel.sr.stage1': '切换到阶段 2 以训练上采样网络。',
  'panel.bsrLoss.title': '训练曲线',
  'panel.bsrLoss.contrast': '阶段 1：带队列的 InfoNCE',
  'panel.bsrLoss.l1': '阶段 2：L1(SR, HR)',
  'panel.bsrLoss.chance': 'log(K + 1)：随机编码器',
  'panel.bsrLoss.spearman': '|Spearman(σ, PC1)|',
  'panel.bsrLoss.risesFirst':
    '随着真实键替换队列的随机初始值，损失先上升后下降（DASR 维护者的说明）。',
  'panel.degradation.partner': '另一张图像，用相同的模糊核和噪声退化',
  'panel.degradation.kernel': '模糊核',
};
