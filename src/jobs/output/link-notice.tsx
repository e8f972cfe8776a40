type LinkNoticeProps = { message: string; onDismiss(): void };

/**
 * Why a link's value is not shown (a path that names no value, or one this output does not have).
 * Drawn here rather than with ui/notice.tsx: importing that from this chunk costs every page an export.
 */
export function LinkNotice({ message, onDismiss }: LinkNoticeProps) {
  return (
    <div
      role="status"
      className="mb-2 flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="min-w-0 flex-1 break-words">{message}</p>
      <button type="button" className="shrink-0 font-medium underline" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
