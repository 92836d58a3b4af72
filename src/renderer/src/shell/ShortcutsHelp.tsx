import { Modal } from '../ui/Modal';
import { SHORTCUT_LIST } from './shortcuts';

/** Every keyboard shortcut (Ctrl/Cmd+/, as Mattermost's "Keyboard shortcuts"). */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal id="shortcutsModal" title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts__table">
        <tbody>
          {SHORTCUT_LIST.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
