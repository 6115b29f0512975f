import { useEffect } from 'react';
import { useStore } from '../store/store';

const INFO_MS = 8000;
/** Notices that offer an action (Undo) stay longer: the user has to read them and decide. */
const ACTION_MS = 30000;

/** Toasts for errors (stay until dismissed) and confirmations (fade after a while, may offer Undo). */
export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismiss);

  useEffect(() => {
    const timers = notices
      .filter((n) => n.kind === 'info')
      .map((n) => window.setTimeout(() => dismiss(n.id), n.action ? ACTION_MS : INFO_MS));
    return () => timers.forEach((t) => window.clearTimeout(t));
  }, [notices, dismiss]);

  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.message}</span>
          {notice.action && (
            <button
              type="button"
              className="link"
              onClick={() => {
                notice.action?.run();
                dismiss(notice.id);
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="icon" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
