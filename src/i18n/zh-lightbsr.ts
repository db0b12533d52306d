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
};
