/**
 * A message a person must act on (a wrong input, a failed action), announced to screen readers;
 * nothing when there is none. Styled by `.error` in `@countertop/ui/base.css`.
 */
export function Alert({ message, className }: { message: string | undefined; className?: string | undefined }) {
  if (!message) return null;
  return (
    <p className={className ? `error ${className}` : "error"} role="alert">
      {message}
    </p>
  );
}
