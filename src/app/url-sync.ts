import { parseLanguage, type Language } from '../i18n';
import { useStore } from '../state/store';
import { parseUrl, serializeUrl } from '../state/url';

const languageKey = 'contrastive-playground.language';

/** The language a first visit opens in: the one chosen before, else the browser's. */
function initialLanguage(): Language {
  const stored = parseLanguage(localStorage.getItem(languageKey));
  if (stored) return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const htmlLanguage = (language: Language) => (language === 'zh' ? 'zh-CN' : 'en');

/**
 * The address bar holds the whole configuration: read it into the store once (a mangled
 * link opens with a notice of what was replaced), then rewrite it on every config change.
 * The fragment (#panel-loss) is the reader's place on the page and is kept.
 */
export function syncUrlWithStore(): void {
  const parsed = parseUrl(window.location.search, initialLanguage());
  useStore.setState({
    config: parsed.config,
    notice: parsed.problems.length > 0 ? parsed.problems : null,
  });
  document.documentElement.lang = htmlLanguage(parsed.config.language);

  useStore.subscribe((state, previous) => {
    if (state.config === previous.config) return;
    const search = serializeUrl(state.config);
    if (search !== window.location.search)
      window.history.replaceState(
        null,
        '',
        `${window.location.pathname}${search}${window.location.hash}`,
      );
    if (state.config.language !== previous.config.language) {
      localStorage.setItem(languageKey, state.config.language);
      document.documentElement.lang = htmlLanguage(state.config.language);
    }
  });
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${serializeUrl(parsed.config)}${window.location.hash}`,
  );
}
