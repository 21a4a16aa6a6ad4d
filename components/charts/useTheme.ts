import { useEffect, useState } from 'preact/hooks';

/** The current colour theme, as a value that changes when the reader switches it. */
export function useTheme(): string {
  const [theme, setTheme] = useState(() => (typeof document === 'undefined' ? 'light' : (document.documentElement.dataset.theme ?? 'light')));
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? 'light'));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

