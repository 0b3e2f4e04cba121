/** A message a person must act on (a wrong input, a failed action), announced to screen readers; nothing when there is none. */
export function Alert({ message, className }: { message: string | undefined; className?: string }) {
  if (!message) return null;
  return (
    <p className={className ? `error ${className}` : "error"} role="alert">
      {message}
    </p>
  );
}
