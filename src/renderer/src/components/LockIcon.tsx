/** A padlock drawn in the text's colour: frozen layers (every font has it, unlike the emoji). */
export function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 12 14" width="10" height="12" aria-hidden="true" focusable="false">
      <path d="M3 6V4a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="1" y="6" width="10" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}
