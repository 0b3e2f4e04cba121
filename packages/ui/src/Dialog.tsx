import { useId, type ReactNode } from "react";

/** How a dialog's card is laid out: `form` a column of fields, `wide` the same for lists, `plain` a bare card. */
export type DialogLayout = "form" | "wide" | "plain";

const CARD: Record<DialogLayout, string> = { form: "card form", wide: "card form wide", plain: "card" };

/**
 * A modal dialog: a dimmed backdrop, a card named by its heading. With `onSubmit` the card is a form,
 * so Enter in a field submits it — and the browser's own submission (a page load, which would lose
 * the cart) never happens. `onCancel` and `actions` make the row of buttons that ends the dialog,
 * Cancel first. The `form` and `wide` layouts take the app's `.form` styles.
 */
export function Dialog({
  title,
  layout = "form",
  onSubmit,
  onCancel,
  actions,
  children,
}: {
  title: ReactNode;
  layout?: DialogLayout | undefined;
  onSubmit?: (() => void) | undefined;
  onCancel?: (() => void) | undefined;
  /** Buttons after Cancel, e.g. the form's submit button. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  const content = (
    <>
      <h2 id={titleId}>{title}</h2>
      {children}
      {(onCancel || actions) && (
        <div className="row">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          {actions}
        </div>
      )}
    </>
  );
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-labelledby={titleId}>
      {onSubmit ? (
        <form
          className={CARD[layout]}
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {content}
        </form>
      ) : (
        <div className={CARD[layout]}>{content}</div>
      )}
    </div>
  );
}
