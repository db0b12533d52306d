import type { enReadouts } from './en-readouts';

/** 简体中文：表示的读数（在 zh.ts 中并入目录）。 */
export const zhReadouts: Record<keyof typeof enReadouts, string> = {
  'panel.metrics.knnZ': 'kNN 准确率（z，留出集）',
  'panel.metrics.knnZ.help':
    '同样的 5 近邻准确率，但用的是投影 z = g(h)，即计算损失的空间。与 h 的 kNN 对比：训练后投影头被丢弃，因为 h 通常保留了更多被数据增强改变的信息（SimCLR §4.2）。',
};
