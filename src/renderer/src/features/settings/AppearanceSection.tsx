import { useApp } from '../../app/store';
import { THEME_CHOICES, type ThemeChoice } from '../../theme/theme-choice';

const LABEL: Record<ThemeChoice, string> = {
  system: 'Follow the system (Denim when light, Onyx when dark)',
  denim: 'Denim (light)',
  onyx: 'Onyx (dark)',
};

/** The look of this window, kept in this browser: Mattermost's Denim or Onyx, or whichever the system prefers. */
export function AppearanceSection() {
  const choice = useApp((s) => s.themeChoice);
  const setChoice = useApp((s) => s.setThemeChoice);
  return (
    <section aria-labelledby="appearanceHeading">
      <h2 id="appearanceHeading">Appearance</h2>
      <label>
        Theme{' '}
        <select id="themeSelect" value={choice} onChange={(e) => setChoice(e.target.value as ThemeChoice)}>
          {THEME_CHOICES.map((c) => (
            <option key={c} value={c}>
              {LABEL[c]}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
