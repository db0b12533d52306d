import type { enLessonsLightBsr } from './en-lessons-lightbsr';

/** 简体中文：课程“LightBSR：教师与学生”及其指标（在 zh.ts 中合并）。 */
export const zhLessonsLightBsr: Record<keyof typeof enLessonsLightBsr, string> = {
  'lesson.lightbsr.title': 'LightBSR：教师与学生',
  'lesson.lightbsr.1':
    'LightBSR（Yuan 等，ICCV 2025）分三个阶段训练。阶段 1：教师编码器像 DASR 式流程一样通过对比学习，但它还能看到退化：模糊核投影到前 15 个主成分上（对随机 21×21 模糊核做 PCA），铺成 15 个常数通道放在 RGB 图像块旁边。面板显示每个模型对“模糊等级 × 内容”网格的 $h$，按 $\\sigma$ 着色，并给出两个数：$\\eta^2$，即 $h$ 的方差中位于模糊等级之间的比例（1：$h$ 只取决于 $\\sigma$）；$|\\rho|$，即第一主成分与 $\\sigma$ 的吻合程度。',
  'lesson.lightbsr.1.q': '训练之前，教师的 $h$ 有多少由模糊等级解释（$\\eta^2$）？',
  'lesson.lightbsr.1.most': '大部分：$\\eta^2$ 至少 {teacherShareUntrained}',
  'lesson.lightbsr.1.little': '很少：网络是随机的',
  'lesson.lightbsr.1.why':
    '教师被直接告知了答案。15 个先验通道只随 $\\sigma$ 变化，即使随机卷积也会把它们带进 $h$；图像块的内容几乎不影响它。所以还没学到任何东西时 $\\eta^2$ 就接近 1——而测试时模糊核未知，教师无法使用。这正是学生的用处。',
  'lesson.lightbsr.2': '训练教师：在 MoCo 队列上做 InfoNCE，每个图像块旁边都有先验图。',
  'lesson.lightbsr.2.q': '训练 {budget} 步后，模糊是否沿教师的第一主成分排序？',
  'lesson.lightbsr.2.ordered': '是：$|\\rho|$ 至少 {rhoOrdered}',
  'lesson.lightbsr.2.unordered': '否：$|\\rho|$ 低于 {rhoOrdered}，尽管 $\\eta^2$ 仍接近 1',
  'lesson.lightbsr.2.why.unordered':
    '在这次运行中 $\\eta^2$ 保持接近 1，而 $|\\rho|$ 仍低于 {rhoOrdered}：教师把各模糊等级分开了，但不是沿一条直线，所以它的第一主成分把它们混在一起。对比学习只要求不同的退化彼此远离，并不要求它们有序。在 PyTorch 孪生实现中（3 个种子，{stepsStageLong} 步），教师的 $|\\rho|$ 有低有高，而 $\\eta^2$ 始终为 1.00。论文中的教师随后还会联合训练对比损失和 L1 超分辨率损失；本实验只做到对比为止。',
  'lesson.lightbsr.2.why.ordered':
    '在这次运行中 $|\\rho|$ 达到了 {rhoOrdered}：各等级恰好排在一条轴上。在其他运行中往往不是这样：对比学习只要求不同的退化彼此远离，并不要求它们有序。',
  'lesson.lightbsr.3':
    '阶段 2。教师被冻结。学生编码器——只看低分辨率图像块，没有先验，四层卷积——学习去匹配它：两个表示在温度 0.15 下的 softmax 之间的 KL，加上两者之间 0.1 × L1，再加上特征图之间的 MSE（LightBSR 的蒸馏损失）。在它旁边，同一个学生从相同的初始权重出发，只靠对比学习逐步训练：这是对照组。',
  'lesson.lightbsr.3.q': '训练 {budget} 步后，哪个学生对模糊排序得更好（$|\\rho|$）？',
  'lesson.lightbsr.3.distilled': '蒸馏的学生，领先 {distillLead} 或更多',
  'lesson.lightbsr.3.contrast': '只用对比的学生，领先 {distillLead} 或更多',
  'lesson.lightbsr.3.same': '差不多',
  'lesson.lightbsr.3.why.distilled':
    '在这次运行中蒸馏的学生明显领先。它的目标是固定的，并且已经是 $\\sigma$ 的函数，所以匹配它是一个答案明确的回归问题；只用对比的学生则必须先自己找出是什么区分了退化，而且对照的队列键本身还在变化。学生的 $|\\rho|$ 甚至可能超过教师：只从图像出发，能预测教师那由 $\\sigma$ 决定的输出的，正是模糊本身。',
  'lesson.lightbsr.3.why.contrast':
    '在这次运行中只用对比的学生领先：教师的目标在这么早的阶段没有帮上忙。比较接下来几步的曲线。',
  'lesson.lightbsr.3.why.same':
    '在这次运行中两个学生在这些步之后差不多：教师的目标在这里没有让学生学得更快。',
  'lesson.lightbsr.4': '继续训练两个学生。',
  'lesson.lightbsr.4.q': '再训练 {budget} 步后，蒸馏学生的领先还在吗？',
  'lesson.lightbsr.4.lasts': '在：至少保持一半',
  'lesson.lightbsr.4.closes': '不在：缩小到不足一半',
  'lesson.lightbsr.4.why.closes':
    '在这次运行中只用对比的学生追上来了。在这些数据上，蒸馏换来的是速度，而不是更好的终点：几百步之后，仅靠对比也能把模糊排得差不多好。人们会期望一个持续的领先（比如 $|\\rho|$ 高 0.05）；本实验和它的 PyTorch 孪生实现在 {stepsStageLong} 步时都没有测到。',
  'lesson.lightbsr.4.why.lasts':
    '在这次运行中领先保持住了。在更长的运行中它通常会消失：在这些数据上，几百步之后仅靠对比也能把模糊排得差不多好。',
  'lesson.lightbsr.5':
    '为什么还要蒸馏？测试时没有模糊核，教师无法运行；学生只需要低分辨率图像，而且更小。论文让整个超分辨率网络变得轻量（参数和运算量都少）；这里只在退化编码器上展示这个思路。',
  'lesson.lightbsr.5.q': '与教师相比，学生有……',
  'lesson.lightbsr.5.third': '不到 {studentParamsShare} 倍的参数',
  'lesson.lightbsr.5.half': '大约一半的参数',
  'lesson.lightbsr.5.same': '差不多一样多的参数',
  'lesson.lightbsr.5.why':
    '四层 8 到 64 通道的卷积，对比教师在 18 个输入通道上的六层 16 到 64 通道卷积。旁边的每步毫秒数是本机在这次运行中测得的：教师的一步要编码查询和键；蒸馏的一步要用学生和冻结的教师各编码一次批次。',
  'lesson.lightbsr.6':
    '阶段 3：上采样网络在蒸馏学生的表示上学习——教师和它的先验都不在了——旁边是什么也不获知的同一上采样网络，以及一个基于只用对比的学生的表示的上采样网络。',
  'lesson.lightbsr.6.q': '训练 {budget} 步后，蒸馏学生的表示对上采样网络有帮助吗？',
  'lesson.lightbsr.6.gains': '有：相对无条件至少 {srGainStudent} dB',
  'lesson.lightbsr.6.nothing': '不到 {srGainStudent} dB',
  'lesson.lightbsr.6.why':
    '学生的 $h$ 只从低分辨率图像读出，它告诉上采样网络该锐化多少：教师从模糊核得知的东西，学生现在从图像中读出来。比较旁边只用对比的学生的增益。两者在每次评估之间都有波动：这里四个种子训练 {budget} 步后，蒸馏学生的增益为 0.09 到 0.41 dB，只用对比的学生为 0.34 到 0.44 dB。',
  'lessons.metric.teacherShare': '教师：h 在模糊等级间的 η²',
  'lessons.metric.teacherRho': '教师：第一主成分与 σ 的 |ρ|',
  'lessons.metric.studentRho': '蒸馏学生：|ρ|',
  'lessons.metric.contrastRho': '只用对比的学生：|ρ|',
  'lessons.metric.studentShare': '蒸馏学生：η²',
  'lessons.metric.contrastShare': '只用对比的学生：η²',
  'lessons.metric.teacherParams': '教师：参数量',
  'lessons.metric.studentParams': '学生：参数量',
  'lessons.metric.teacherMs': '教师：每步毫秒数',
  'lessons.metric.studentMs': '学生：每个蒸馏步的毫秒数',
  'lessons.metric.studentGain': '基于蒸馏学生 h 的超分辨率增益（dB）',
  'lessons.metric.contrastGain': '基于只用对比的学生 h 的超分辨率增益（dB）',
};
