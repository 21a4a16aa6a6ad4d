/** A form's outcome, in a live region: what was done, or (in the error colour) why not. */
export function FormMessage({ message }: { message: { readonly text: string; readonly error: boolean } | null }) {
  return (
    <p class={message?.error ? 'exercise__note exercise__note--error' : 'exercise__note'} role="status">
      {message?.text}
    </p>
  );
}
