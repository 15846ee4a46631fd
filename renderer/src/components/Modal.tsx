import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

/**
 * A modal dialog on the native `<dialog>`: focus moves in and is trapped, Escape closes it, and
 * focus goes back to what opened it. Named by its title.
 */
export function Modal(props: { title: string; onClose(): void; children: ReactNode; role?: 'dialog' | 'alertdialog' }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;
  useModalDialog(dialog);
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

let openModals = 0;

/**
 * Shows `dialog` as a native modal while the component is mounted (focus trapped, Escape cancels), and gives
 * focus back to what opened it. Meanwhile `<html data-modal>` is set: the page behind a modal does not change,
 * so the inbox drops the layer its list dims on (inbox-workflow.css), which made every frame of the dialog
 * dearer (each keystroke in the reply composer).
 */
export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element?.showModal();
    openModals += 1;
    document.documentElement.dataset.modal = 'open';
    return () => {
      element?.close();
      openModals -= 1;
      if (openModals === 0) delete document.documentElement.dataset.modal;
      opener?.focus();
    };
  }, [dialog]);
}
