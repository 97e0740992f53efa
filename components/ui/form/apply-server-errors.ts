import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionFailure } from "@/lib/errors";

/**
 * Which field of the form a server error key belongs to: the form's field
 * names, or a function for keys that vary (questions.3.prompt) or that name
 * a part of a field (attachmentIds.0). Keys that belong to no field are
 * said for the form as a whole.
 */
export type ServerFields<T extends FieldValues> = readonly Path<T>[] | ((key: string) => Path<T> | undefined);

function fieldFor<T extends FieldValues>(fields: ServerFields<T>, key: string): Path<T> | undefined {
  return typeof fields === "function" ? fields(key) : fields.find((field) => field === key);
}

/**
 * Puts a refused action's field errors back on the form's fields (focusing
 * the first, unless the form moves the focus elsewhere) and returns the
 * message for the form as a whole: the action's message, with the errors
 * the form has no field for.
 */
export function applyServerErrors<T extends FieldValues>(
  result: ActionFailure,
  setError: UseFormSetError<T>,
  fields: ServerFields<T>,
  { focus = true }: { focus?: boolean } = {},
): string {
  const rest: string[] = [];
  let focused = !focus;
  for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages.join(" ");
    const field = fieldFor(fields, key);
    if (field) {
      setError(field, { type: "server", message }, { shouldFocus: !focused });
      focused = true;
    } else if (message !== result.message) {
      rest.push(message);
    }
  }
  return [result.message, ...rest].join(" ");
}
