/** A modal dialog on the native <dialog> element: focus kept inside, Escape cancels. */
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal({
  title,
  onCancel,
  children,
  testId,
  wide = false,
}: {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  testId?: string;
  /** For pages of paper and the like: as wide as the window allows. */
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal--wide' : 'modal'}
      aria-labelledby="modal-title"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="modal-title">{title}</h2>
      {children}
    </dialog>
  );
}
