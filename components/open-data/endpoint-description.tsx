import { CodeExample } from "@/components/open-data/code-example";
import { FieldTable } from "@/components/open-data/field-table";
import type { FieldDescription } from "@/lib/open-data/describe-schema";

export type EndpointView = {
  id: string;
  /** As it appears after the site's address, such as /api/v1/consultations/{slug}. */
  path: string;
  summary: string;
  description: string;
  parameters: FieldDescription[];
  exampleRequest: string;
  exampleResponse: { contentType: string; text: string } | null;
};

/** One endpoint of the API: what it answers, its parameters, an example request and response. */
export function EndpointDescription({ endpoint }: { endpoint: EndpointView }) {
  const headingId = `${endpoint.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId} className="text-xl font-bold">
        {endpoint.summary}
      </h3>
      <p className="mt-1 font-mono text-sm [overflow-wrap:anywhere]">GET {endpoint.path}</p>
      <p className="mt-2 max-w-3xl">{endpoint.description}</p>
      {endpoint.parameters.length > 0 ? <FieldTable caption="Parameters" fields={endpoint.parameters} /> : null}
      <CodeExample caption="Example request" code={endpoint.exampleRequest} />
      {endpoint.exampleResponse ? (
        <CodeExample caption={`Example response (${endpoint.exampleResponse.contentType})`} code={endpoint.exampleResponse.text} />
      ) : null}
    </section>
  );
}
