import { Modal } from './Modal';

/** Asks before something that cannot be undone; the safe choice is the one focused first. */
export function ConfirmDialog(props: {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Modal title={props.title} onClose={props.onCancel} role="alertdialog">
      <p>{props.body}</p>
      <div className="modal__actions">
        <button type="button" className="button" onClick={props.onCancel} autoFocus>
          {props.cancel}
        </button>
        <button type="button" className="button button--danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </Modal>
  );
}
