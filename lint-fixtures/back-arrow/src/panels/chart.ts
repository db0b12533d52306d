export const chartWidth = 320;
