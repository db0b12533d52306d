export const catalogue = { title: 'Playground' };
export type MessageKey = keyof typeof catalogue;
