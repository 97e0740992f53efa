import type { ContributionAnswer } from "@/lib/contributions/contribution-answers";

function AnswerText({ answer }: { answer: ContributionAnswer }) {
  const { value } = answer;
  if (Array.isArray(value)) {
    return (
      <ul className="list-disc pl-6">
        {value.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  }
  if (answer.kind === "SCALE" && typeof value === "number") return <p>{value} on a scale from 1 to 5</p>;
  // Free text is shown as typed, line breaks kept; React escapes it.
  return <p className="whitespace-pre-line">{String(value)}</p>;
}

export function ContributionAnswers({ answers, language }: { answers: ContributionAnswer[]; language: string }) {
  return (
    <dl className="mt-3 max-w-3xl space-y-4">
      {answers.map((answer) => (
        <div key={answer.questionId} className="rounded-lg border border-slate-200 p-4">
          <dt className="font-semibold">{answer.prompt}</dt>
          <dd lang={answer.kind === "FREE_TEXT" ? language : undefined} className="mt-2">
            <AnswerText answer={answer} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
