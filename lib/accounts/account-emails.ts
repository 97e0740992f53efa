import "server-only";
import { getEnv } from "@/lib/env";
import type { EmailToSend } from "@/lib/mail/enqueue-email";

// The e-mails the account flows send. Plain text: every client shows it, and
// a link in plain text is a link the reader can see before following it.

const SIGNATURE = "\n\n-- \nAgora, public consultations around policy conferences";

function link(path: string): string {
  return `${getEnv().appUrl}${path}`;
}

export function verificationEmail(to: string, tokenId: string, token: string): EmailToSend {
  return {
    dedupeKey: `email-verification:${tokenId}`,
    to,
    subject: "Confirm your e-mail address for Agora",
    text:
      `Welcome to Agora.\n\nTo confirm your e-mail address and activate your account, open this link within 48 hours:\n\n` +
      `${link(`/verify-email?token=${token}`)}\n\n` +
      `If you did not register, ignore this e-mail: without confirmation the account stays inactive.` +
      SIGNATURE,
  };
}

/** Sent instead of a second account when someone registers with a known address. */
export function registrationAttemptEmail(to: string, userId: string, now: Date): EmailToSend {
  // One notice per account and hour at most, however often the form is sent.
  const hour = Math.floor(now.getTime() / 3_600_000);
  return {
    dedupeKey: `registration-attempt:${userId}:${hour}`,
    to,
    subject: "Someone tried to register with your e-mail address",
    text:
      `Someone (perhaps you) tried to register a new Agora account with this e-mail address. ` +
      `You already have an account, so nothing was changed.\n\n` +
      `To sign in: ${link("/sign-in")}\n` +
      `Forgot your password? Choose a new one: ${link("/forgot-password")}\n` +
      `Never confirmed your address? Ask for a new link: ${link("/check-email")}\n\n` +
      `If it was not you, you can ignore this e-mail.` +
      SIGNATURE,
  };
}

export function passwordResetEmail(to: string, tokenId: string, token: string): EmailToSend {
  return {
    dedupeKey: `password-reset:${tokenId}`,
    to,
    subject: "Reset your Agora password",
    text:
      `Someone (perhaps you) asked to reset the password of your Agora account.\n\n` +
      `To choose a new password, open this link within one hour:\n\n${link(`/reset-password?token=${token}`)}\n\n` +
      `If you did not ask for this, ignore this e-mail: your password stays as it is.` +
      SIGNATURE,
  };
}

export function passwordChangedEmail(to: string, userId: string, sessionVersion: number): EmailToSend {
  return {
    dedupeKey: `password-changed:${userId}:${sessionVersion}`,
    to,
    subject: "Your Agora password was changed",
    text:
      `The password of your Agora account was just changed, and every session was signed out.\n\n` +
      `If you did this, there is nothing more to do. If you did not, choose a new password at once: ${link("/forgot-password")}` +
      SIGNATURE,
  };
}
