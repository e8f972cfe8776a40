type LinkNoticeProps = { message: string; onDismiss(): void };

/**
 * Why a link's value is not shown (a path that names no value, or one this output does not have).
 * Drawn here rather than with ui/notice.tsx: importing that from this chunk costs every page an export.
 */
export function LinkNotice({ message, onDismiss }: LinkNoticeProps) {
  return (
    <div
      role="status"
      className="mb-2 flex items-start gap-3 rounded-lg border border-warn-line bg-warn-soft px-3 py-2 text-sm text-warn-ink"
    >
      <p className="min-w-0 flex-1 break-words">{message}</p>
      <button type="button" className="shrink-0 font-medium underline" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
