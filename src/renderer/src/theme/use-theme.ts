import { useEffect, useLayoutEffect } from 'react';
import { useApp } from '../app/store';
import { THEMES, themeVariables, type ThemeName } from './themes';

/** Sets the look on <html>: its variables, and `data-theme` for the few things that follow it (Monaco). */
function applyTheme(root: HTMLElement, name: ThemeName): void {
  for (const [property, value] of Object.entries(themeVariables(THEMES[name]))) root.style.setProperty(property, value);
  // Form controls and scrollbars drawn by the browser follow too.
  root.style.colorScheme = name === 'onyx' ? 'dark' : 'light';
  root.dataset.theme = name;
}

/** Draws the chosen look on <html> and follows the operating system's light or dark preference as it changes. */
export function useTheme(): void {
  const theme = useApp((s) => s.theme);
  const setSystemDark = useApp((s) => s.setSystemDark);
  useLayoutEffect(() => applyTheme(document.documentElement, theme), [theme]);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [setSystemDark]);
}
