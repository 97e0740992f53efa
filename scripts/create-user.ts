import readline from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { getEnv } from "@/lib/env";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { checkCreateUserInput, createUser, DEFAULT_COUNTRY } from "@/lib/users/create-user";

// npm run user:create -- --email … --role admin [--name …] [--country BE]
// Parses the command line and asks for the password; lib/users/create-user.ts
// does the work.

const HELP = `Usage: npm run user:create -- --email <address> --role <admin|moderator|participant> [--name "<name>"] [--country <XX>]

Creates a verified account in the configured database (DATABASE_URL, or the
embedded database under DATA_DIR), typically the first administrator of a new
deployment. If the e-mail address already has an account, gives it the role
instead (and the new password, if one is given) and signs it out everywhere.

Options:
  --email     the account's e-mail address (required)
  --role      admin, moderator or participant (required)
  --name      the name shown for the account (default: the part of the address before @)
  --country   two-letter ISO 3166-1 country code of the profile (default: ${DEFAULT_COUNTRY})
  --help      show this help

Password: taken from the AGORA_PASSWORD environment variable when it is set
(for automation), otherwise asked for on the terminal without echo. For an
existing account, leave it empty to keep the current password.`;

/** Bad command line: the message, then the help. */
class UsageError extends Error {}
/** Anything else the operator should read, without the help. */
class CliError extends Error {}

function parseOptions(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        country: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
    return values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Reads a line from the terminal without showing what is typed. */
function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    rl.on("SIGINT", () => {
      rl.close();
      process.stdout.write("\n");
      reject(new CliError("Cancelled."));
    });
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function readPassword(): Promise<string | undefined> {
  const fromEnv = process.env.AGORA_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!process.stdin.isTTY) return undefined;
  const password = await askHidden("Password (leave empty to keep the current password of an existing account): ");
  if (password === "") return undefined;
  const again = await askHidden("Password again: ");
  if (again !== password) throw new CliError("The two passwords do not match.");
  return password;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return;
  }
  if (!options.email || !options.role) throw new UsageError("Give both --email and --role.");
  const input = { email: options.email, role: options.role, name: options.name, country: options.country };
  // Check everything else before asking for a password that would be thrown away.
  await checkCreateUserInput(input);
  const password = await readPassword();

  const env = getEnv();
  const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
  try {
    const result = await createUser(db, { ...input, password });
    const role = ROLE_LABELS[result.role].toLowerCase();
    if (result.created) {
      console.log(`Created ${result.email} as ${role}, e-mail address verified. They can sign in now.`);
    } else {
      const changes = [
        result.previousRole === result.role ? `role stays ${role}` : `role ${ROLE_LABELS[result.previousRole].toLowerCase()} → ${role}`,
        result.passwordChanged ? "password changed" : "password unchanged",
      ];
      console.log(`Updated ${result.email}: ${changes.join(", ")}. Their sessions have been ended.`);
    }
  } finally {
    await closePrismaClient(db);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${HELP}`);
  } else if (error instanceof CliError) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    console.error(error.userMessage);
    for (const [field, messages] of Object.entries(error.fieldErrors)) {
      // The password is not an option (it never goes on the command line).
      for (const message of messages) console.error(`  ${field === "password" ? "password" : `--${field}`}: ${message}`);
    }
  } else {
    console.error("Could not create the user:", error);
  }
  process.exit(1);
});
