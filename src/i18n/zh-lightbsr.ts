import type { enLightBsr } from './en-lightbsr';

/** 简体中文：盲超分辨率实验室的 LightBSR 流程（教师、学生、蒸馏）。 */
export const zhLightBsr: Record<keyof typeof enLightBsr, string> = {
  'bsr.pipeline': '流程',
  'bsr.pipeline.dasr': 'DASR：一个编码器对比学习，然后超分',
  'bsr.pipeline.lightbsr': 'LightBSR：带模糊核先验的教师 → 蒸馏的学生 → 超分',
  'bsr.pipeline.help':
    'LightBSR 的教师同时看到低分辨率图像和模糊核的 PCA 编码；只看低分辨率图像的轻量学生学习与之对齐（KL、L1、特征 MSE），超分以学生的表示为条件。',
  'bsr.stage.3': '3 · 用学生做超分（LightBSR）',
  'bsr.lightbsrStage.1': '1 · 教师对比学习（低分辨率图像 + 模糊核先验）',
  'bsr.lightbsrStage.2': '2 · 学生蒸馏',
  'bsr.lightbsrStage.3': '3 · 用学生做超分',
  'panel.lightbsr.title': 'LightBSR：教师与学生',
  'panel.lightbsr.caption':
    '每个模型的退化表示 h 在固定网格（8 个模糊级别 × 6 种内容）上的 PCA，按 σ 着色。教师同时看到低分辨率图像和模糊核的 PCA 编码；蒸馏的学生和仅用对比学习训练的学生（相同结构、相同初始权重）只看到低分辨率图像。',
  'lightbsr.teacher': '教师（低分辨率图像 + 模糊核先验）',
  'lightbsr.student': '学生（蒸馏）',
  'lightbsr.contrastStudent': '学生（仅对比学习）',
  'lightbsr.rho': '|Spearman(σ, PC1)|：{value}',
  'lightbsr.sigmaShare': 'σ 解释的方差比例 η²：{value}',
  'lightbsr.waiting': '第一次评估后（每 20 步）显示嵌入。',
  'lightbsr.distillation': '蒸馏损失各项（各自按最大值缩放）',
  'lightbsr.noDistillation': '尚无蒸馏步：阶段 2 训练学生。',
  'lightbsr.term.kl': 'KL',
  'lightbsr.term.l1': 'L1',
  'lightbsr.term.mse': 'MSE',
  'lightbsr.params': '{value} 个权重（编码器）',
  'lightbsr.msPerStep': '{value} 毫秒/步',
  'lightbsr.sr.bicubic': '双三次插值',
  'lightbsr.sr.without': '无条件的超分',
  'lightbsr.sr.contrastStudent': '以仅对比学生为条件的超分',
  'lightbsr.sr.student': '以蒸馏学生为条件的超分',
  'lightbsr.sr.oracle': '以真实 σ 为条件的超分',
  'panel.lightbsr.measured':
    'PyTorch 孪生实现中的测量（3 个种子，每阶段 400 步）：σ 解释了教师表示的全部方差（η² 1.00），但其 |ρ| 只有 0.04–0.86——有了模糊核编码，对比学习把各模糊级别推向许多不同方向，而不是排在一条轴上。蒸馏的学生 |ρ| 达到 0.91，仅对比学习的学生 0.93：蒸馏在早期领先（200 步时 0.89 对 0.85），到 400 步时不再领先。相对无条件超分的增益：蒸馏学生 +0.57 dB，仅对比学生 +0.51 dB。',
  'stage.lightbsr.batch': '批次——对 HR 裁剪块做退化，得到本阶段训练用的 LR 图像块',
  'stage.lightbsr.signal': '学习的依据——阶段 1：先验图；2：教师的 h；3：HR 目标',
  'stage.lightbsr.update': '更新——当前阶段的一步',
  'lightbsr.stage.caption.1':
    '阶段 1（教师）：每个 LR 图像块连同其模糊核的 15 个 PCA 系数一起输入，系数铺成常数通道放在 RGB 旁边。',
  'lightbsr.stage.caption.2':
    '阶段 2（学生）：只有 LR 图像块；目标是冻结的教师对同一图像块给出的 h（包含其模糊核系数）。',
  'lightbsr.stage.caption.3':
    '阶段 3（超分辨率）：输入 LR 图像块和学生对 LR 图像的 h，以 HR 图像块作为 L1 目标。',
  'lightbsr.stage.prior': '先验图：15 个系数',
  'lightbsr.stage.target': '教师的 h：64 个值',
  'lightbsr.stage.noTarget': '教师的 h 在第一个蒸馏步之后出现',
  'lightbsr.stage.hr': 'HR 目标',
  'lightbsr.stage.batch': '阶段 {stage} 训练用的数据',
};
