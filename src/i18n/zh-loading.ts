import type { enLoading } from './en-loading';

/** 简体中文：启动时加载失败的说明（并入 zh.ts）。 */
export const zhLoading: Record<keyof typeof enLoading, string> = {
  'backendFailure.wasmFile': '无法加载 WebAssembly 文件：{detail}',
  'backendFailure.other': '{backend}：{message}',
};
