import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionError, type ActionResult } from "@/lib/errors";

// The one way a server action is written (STYLE.md, conventions 4, 6 and 7).
// The domain function parses its input with the form's schema and checks the
// caller; the action only turns its outcome into the ActionResult the form
// reads: an AppError becomes its message and field errors, anything else is
// logged with the action's name and answered with a generic message. What
// follows a success (revalidating pages, the redirect) runs outside the
// try/catch: redirect() works by throwing.

/** A path to revalidate, or a path with the kind of segment it names. */
export type RevalidateTarget = string | readonly [path: string, type: "layout" | "page"];

type Steps<Args extends unknown[], Result> = {
  /** The cached pages the change makes stale. */
  revalidate?: (result: Result, ...args: Args) => readonly RevalidateTarget[];
  /** The confirmation the form shows (none without it). */
  message?: (result: Result, ...args: Args) => string;
  /** Where the browser goes once it is done: the form then gets no answer. */
  redirect?: (result: Result, ...args: Args) => string;
};

type StepsWithData<Args extends unknown[], Result, Data> = Steps<Args, Result> & {
  /** What the browser gets back, when it is not the domain function's whole result. */
  data: (result: Result, ...args: Args) => Data;
};

export function defineAction<Args extends unknown[], Result, Data>(
  name: string,
  run: (...args: Args) => Promise<Result>,
  steps: StepsWithData<Args, Result, Data>,
): (...args: Args) => Promise<ActionResult<Data>>;
export function defineAction<Args extends unknown[], Result>(
  name: string,
  run: (...args: Args) => Promise<Result>,
  steps?: Steps<Args, Result>,
): (...args: Args) => Promise<ActionResult<Result>>;
export function defineAction<Args extends unknown[], Result>(
  name: string,
  run: (...args: Args) => Promise<Result>,
  steps: Steps<Args, Result> & { data?: (result: Result, ...args: Args) => unknown } = {},
): (...args: Args) => Promise<ActionResult<unknown>> {
  return async (...args: Args) => {
    let result: Result;
    try {
      result = await run(...args);
    } catch (error) {
      return toActionError(error, { action: name });
    }
    for (const target of steps.revalidate?.(result, ...args) ?? []) {
      if (typeof target === "string") revalidatePath(target);
      else revalidatePath(target[0], target[1]);
    }
    if (steps.redirect) redirect(steps.redirect(result, ...args));
    const data = steps.data ? steps.data(result, ...args) : result;
    const message = steps.message?.(result, ...args);
    return message === undefined ? { ok: true, data } : { ok: true, data, message };
  };
}
