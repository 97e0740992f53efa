import type { Timeline, TimelinePhase } from "@/lib/consultations/timeline";
import { formatDateTime } from "@/lib/format";

type Props = { timeline: Timeline; timeZone: string };

function phaseStatus(step: TimelinePhase): { text: string; tone: string } {
  if (step.openNow) return { text: "Open now", tone: "bg-green-100 text-green-900" };
  if (step.time === "NOW") return { text: "Now, but not accepting contributions", tone: "bg-slate-200 text-slate-900" };
  if (step.time === "PAST") return { text: "Over", tone: "bg-slate-100 text-slate-800" };
  return { text: "Upcoming", tone: "bg-brand-50 text-brand-800" };
}

/**
 * An ordered list, in time order: the moments (opens, conference starts and
 * ends, closes) and, between them, the phases a contribution can fall in.
 * The phase open now is marked with aria-current="step" and in words, not
 * by colour alone.
 */
export function ConsultationTimeline({ timeline, timeZone }: Props) {
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>;
  return (
    <ol className="mt-4 max-w-3xl border-l-2 border-slate-300 pl-6">
      {timeline.steps.map((step) => {
        if (step.kind === "milestone") {
          return (
            <li key={step.key} className="relative py-2">
              <span
                aria-hidden="true"
                className={`absolute -left-[33px] top-3.5 h-4 w-4 rounded-full border-2 border-brand-600 ${step.passed ? "bg-brand-600" : "bg-white"}`}
              />
              <span className="font-semibold">{step.label}</span>
              <span className="text-slate-700">: {when(step.at)}</span>
            </li>
          );
        }
        const status = phaseStatus(step);
        return (
          <li
            key={step.phase}
            aria-current={step.openNow ? "step" : undefined}
            className={`my-2 rounded-lg border p-4 ${step.openNow ? "border-green-700 bg-green-50 ring-2 ring-green-700" : "border-slate-200"}`}
          >
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{step.label}</span>
              <span className={`rounded-full px-3 py-0.5 text-xs font-semibold ${status.tone}`}>{status.text}</span>
            </p>
            <p className="mt-1 text-sm text-slate-700">
              Contributions from {when(step.from)} until {when(step.to)}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
