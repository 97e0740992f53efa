import Link from "next/link";
import type { OpenState } from "@/lib/consultations/open-state";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { formatDateTime } from "@/lib/format";
import type { Phase } from "@/lib/generated/prisma/enums";

type Props = {
  slug: string;
  open: OpenState;
  currentPhase: Phase | null;
  hasConference: boolean;
  signedIn: boolean;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  /** The server's clock, the one the open state was decided with. */
  now: Date;
};

/**
 * The call to contribute, or why one cannot. Decided on the server with its
 * clock; the contribution form checks again when it is submitted.
 */
export function ContributeCall({ slug, open, currentPhase, hasConference, signedIn, opensAt, closesAt, timeZone, now }: Props) {
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>;
  const formPath = `/consultations/${slug}/contribute`;

  if (open.open) {
    const href = signedIn ? formPath : `/sign-in?callbackUrl=${encodeURIComponent(formPath)}`;
    return (
      <div className="rounded-lg border-2 border-green-700 bg-green-50 p-5">
        <p className="text-lg font-semibold text-green-900">This consultation is open until {when(closesAt)}.</p>
        {hasConference && currentPhase ? (
          <p className="mt-1 text-green-900">A contribution made now counts as “{PHASE_LABELS[currentPhase].toLowerCase()}”.</p>
        ) : null}
        <p className="mt-4 flex flex-wrap items-center gap-3">
          <Link
            href={href}
            className="rounded-md bg-brand-600 px-5 py-2.5 text-lg font-semibold text-white no-underline hover:bg-brand-700 hover:no-underline"
          >
            Contribute
          </Link>
          {signedIn ? null : <span className="text-slate-800">You will be asked to sign in or register first.</span>}
        </p>
      </div>
    );
  }

  const message = {
    NOT_PUBLISHED: <>Drafts do not accept contributions. Open the consultation from the administration to let stakeholders contribute.</>,
    NOT_YET_OPEN: <>This consultation opens on {when(opensAt)}. Come back then to contribute.</>,
    CLOSED:
      closesAt <= now ? (
        <>This consultation closed on {when(closesAt)} and no longer accepts contributions.</>
      ) : (
        <>This consultation is closed and no longer accepts contributions.</>
      ),
  }[open.reason];
  return (
    <div className="rounded-lg border border-slate-300 bg-slate-50 p-5">
      <p className="font-semibold">{message}</p>
    </div>
  );
}
