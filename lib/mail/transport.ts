import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { getEnv } from "@/lib/env";

export type OutgoingEmail = { id: string; to: string; subject: string; text: string };

export type MailTransport = { send(email: OutgoingEmail): Promise<void> };

export type MailConfig = { smtpUrl: string | undefined; dataDir: string; mailFrom: string };

/**
 * SMTP when an SMTP URL is configured; otherwise each message becomes an
 * .eml file under <dataDir>/mail and its path is logged, so a demo user can
 * open the link without any mail server.
 */
export function createMailTransport(config: MailConfig): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : fileTransport(config.dataDir, config.mailFrom);
}

let cached: MailTransport | undefined;

/** The app's transport, from SMTP_URL, DATA_DIR and MAIL_FROM. */
export function getMailTransport(): MailTransport {
  cached ??= createMailTransport(getEnv());
  return cached;
}

function message(from: string, email: OutgoingEmail) {
  // The outbox id as Message-ID lets a mail server or a reader spot a repeat
  // delivery (the outbox delivers at least once).
  return { from, to: email.to, subject: email.subject, text: email.text, messageId: `<${email.id}@agora.outbox>` };
}

function smtpTransport(smtpUrl: string, from: string): MailTransport {
  // Short timeouts: delivery runs right after a request's commit, and a mail
  // server that does not answer must not hold the request for minutes
  // (nodemailer's default connection timeout is two minutes). The outbox
  // retries what fails. Options in the URL's query string still win.
  const transporter = nodemailer.createTransport({
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 15_000,
    ...parseConnectionUrl(smtpUrl),
  });
  return {
    async send(email) {
      await transporter.sendMail(message(from, email));
    },
  };
}

function fileTransport(dataDir: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const dir = path.join(dataDir, "mail");
  return {
    async send(email) {
      const info = await transporter.sendMail(message(from, email));
      await fs.mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${stamp}-${email.id}.eml`);
      await fs.writeFile(file, info.message, { mode: 0o600 });
      console.info(`[mail] "${email.subject}" to ${email.to} written to ${file}`);
    },
  };
}
