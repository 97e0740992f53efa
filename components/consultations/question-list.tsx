import type { ConsultationQuestion } from "@/lib/consultations/get-consultation";
import { QUESTION_KIND_LABELS } from "@/lib/vocabulary/statuses";

export function QuestionList({ questions }: { questions: ConsultationQuestion[] }) {
  return (
    <ol className="mt-3 max-w-3xl space-y-4">
      {questions.map((question, index) => (
        <li key={question.id} className="rounded-lg border border-slate-200 p-4">
          <p className="font-semibold">
            <span className="text-slate-700">{index + 1}. </span>
            {question.prompt}
          </p>
          {question.helpText ? <p className="mt-1 text-sm text-slate-700">{question.helpText}</p> : null}
          <p className="mt-2 text-sm text-slate-700">
            {QUESTION_KIND_LABELS[question.kind]} · {question.required ? "Required" : "Optional"}
          </p>
          {question.options.length > 0 ? (
            <ul aria-label="Choices" className="mt-2 list-disc pl-6 text-sm">
              {question.options.map((option) => (
                <li key={option}>{option}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
