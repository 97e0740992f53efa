import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

// How hard a new password is to guess, estimated by zxcvbn (score 0-4): it
// rejects "Password123!" and accepts a long passphrase. Its dictionaries
// weigh about 1.5 MB, so they are imported on first use: pages whose forms
// have no new password (sign in, forgot password) never download them.
// Levenshtein matching stays off: it costs hundreds of milliseconds per
// check, too slow for validation as the user types.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
const PASSWORD_MIN_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

export function loadPasswordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-en")])
    .then(
      ([core, common, en]) =>
        new core.ZxcvbnFactory({
          dictionary: { ...common.dictionary, ...en.dictionary },
          graphs: common.adjacencyGraphs,
          translations: en.translations,
        }),
    )
    .catch((error: unknown) => {
      estimator = undefined;
      throw error;
    });
  return estimator;
}

/** Starts the download early (when a new-password field gets focus), so the first check is instant. */
export function preloadPasswordEstimator(): void {
  loadPasswordEstimator().catch(() => {});
}

/**
 * What is wrong with a new password, or null when it is strong enough.
 * `userInputs` (e-mail, names) count as easy to guess.
 */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<string | null> {
  if (password.length === 0) return "Choose a password.";
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  let zxcvbn: ZxcvbnFactory;
  try {
    zxcvbn = await loadPasswordEstimator();
  } catch (error) {
    // In the browser a failed download must not block the form: the server
    // checks again, with the dictionaries always at hand, and its answer
    // comes back to the field.
    if (typeof window !== "undefined") return null;
    throw error;
  }
  const inputs = userInputs
    .flatMap((input) => [input, ...input.split(/[^\p{L}\p{N}]+/u)])
    .map((part) => part.toLowerCase())
    .filter((part) => part.length >= 3);
  const result = zxcvbn.check(password, inputs);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter((hint): hint is string => Boolean(hint));
  const advice = hints.length > 0 ? hints.join(" ") : "Add more words or characters that are not easy to guess.";
  return `This password is too easy to guess. ${advice}`;
}
