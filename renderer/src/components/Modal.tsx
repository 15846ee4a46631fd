import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native `<dialog>`: focus moves in and is trapped, Escape closes it, and
 * focus goes back to what opened it. Named by its title.
 */
export function Modal(props: { title: string; onClose(): void; children: ReactNode; role?: 'dialog' | 'alertdialog' }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element?.showModal();
    return () => {
      element?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="modal"
      role={props.role}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="modal__title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}
