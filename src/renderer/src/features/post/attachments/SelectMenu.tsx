import { useMemo, useState } from 'react';
import type { PostAction } from '../../../../../shared/mattermost/incoming-webhook-request';
import { useRenderContext } from '../render-context';

interface Option {
  text: string;
  value: string;
}

/** The menu's choices: static options, or the workspace's users or channels. */
function useOptions(action: PostAction): Option[] {
  const { usersByName, channelsByName } = useRenderContext();
  return useMemo(() => {
    if (action.data_source === 'users') return [...usersByName.values()].map((u) => ({ text: u.username, value: u.id }));
    if (action.data_source === 'channels') {
      return [...channelsByName.values()].filter((c) => c.id !== undefined).map((c) => ({ text: c.display_name, value: c.id! }));
    }
    return (action.options ?? [])
      .filter((o): o is Option => typeof o?.text === 'string' && typeof o.value === 'string')
      .map((o) => ({ text: o.text, value: o.value }));
  }, [action, usersByName, channelsByName]);
}

/**
 * Mattermost's interactive menu (webapp/channels/src/components/post_view/message_attachments/action_menu/action_menu.tsx): an autocomplete input whose placeholder is
 * the action's name, a suggestion list while focused, the chosen option's text kept after.
 */
export function SelectMenu({ action, onSelect }: { action: PostAction; onSelect: (value: string) => void }) {
  const options = useOptions(action);
  const initial = options.find((o) => o.value === action.default_option && !action.data_source)?.text ?? '';
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState(0);
  const matches = options.filter((o) => o.text.toLowerCase().includes(text.toLowerCase()) || text === initial);
  const choose = (option: Option) => {
    setText(option.text);
    setOpen(false);
    onSelect(option.value);
  };
  return (
    <div className="form-group" data-testid="autoCompleteSelector">
      <div className="post-attachment-dropdown">
        <div className="select-suggestion-container">
          <input
            className="form-control"
            placeholder={action.name}
            value={text}
            disabled={action.disabled === true}
            onFocus={() => setOpen(true)}
            onBlur={() => window.setTimeout(() => setOpen(false), 150)}
            onChange={(e) => {
              setText(e.target.value);
              setSelected(0);
              setOpen(true);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setSelected((s) => Math.min(s + 1, matches.length - 1));
              else if (e.key === 'ArrowUp') setSelected((s) => Math.max(s - 1, 0));
              else if (e.key === 'Enter' && matches[selected]) choose(matches[selected]);
              else if (e.key === 'Escape') setOpen(false);
            }}
          />
          {open && (
            <div id="suggestionList" className="suggestion-list suggestion-list__content" role="listbox">
              {matches.length === 0 ? (
                <div className="suggestion-list__no-results">No items match {text}</div>
              ) : (
                matches.map((option, i) => (
                  <div
                    key={option.value}
                    role="option"
                    aria-selected={i === selected}
                    className={i === selected ? 'suggestion--selected' : undefined}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      choose(option);
                    }}
                  >
                    {option.text}
                  </div>
                ))
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
