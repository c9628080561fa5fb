/**
 * A form's error. It has its own test id because Next renders an empty role="alert" route announcer on every
 * page, so role alone does not find it.
 */
export function FormError({ message, testId = 'form-error' }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid={testId} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}
