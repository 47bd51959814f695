// A form's error message, announced to screen readers; nothing when there is none.
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <div className="form-error" role="alert">
      {message}
    </div>
  ) : null;
}
