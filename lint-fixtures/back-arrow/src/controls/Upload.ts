// A control reusing a panel's piece: controls sit below panels.
import { chartWidth } from '../panels/chart';

export const previewWidth = chartWidth;
