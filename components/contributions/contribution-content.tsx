import { AttachmentList } from "@/components/contributions/attachment-list";
import { ContributionAnswers } from "@/components/contributions/contribution-answers";
import { MarkdownContent } from "@/components/ui/markdown";
import { PageSection } from "@/components/ui/page-section";
import type { ComponentProps } from "react";

type Props = {
  body: string;
  language: string;
  answers: ComponentProps<typeof ContributionAnswers>["answers"];
  attachments: ComponentProps<typeof AttachmentList>["attachments"];
};

/** What a contribution says: its text, its answers and its files, as the public page and the review page show them. */
export function ContributionContent({ body, language, answers, attachments }: Props) {
  return (
    <>
      <PageSection id="body" title="Contribution">
        <div lang={language}>
          <MarkdownContent source={body} className="mt-3" />
        </div>
      </PageSection>

      {answers.length > 0 ? (
        <PageSection id="answers" title="Answers to the questions">
          <ContributionAnswers answers={answers} language={language} />
        </PageSection>
      ) : null}

      {attachments.length > 0 ? (
        <PageSection id="attachments" title="Attachments">
          <AttachmentList attachments={attachments} />
        </PageSection>
      ) : null}
    </>
  );
}
