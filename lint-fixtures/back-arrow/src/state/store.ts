export interface PlaygroundState {
  language: string;
}

export const readStore = (): PlaygroundState => ({ language: 'en' });
