// The app layer (src/app/) may import every layer.
import { chart } from '../panels/Chart';
import { workerUrl } from '../worker/client';

export const app = async () => [chart(), workerUrl.href, (await import('../core/math')).mean([1])];
