import { PageLoading } from "@/components/ui/page-loading";

export default function ModerationLoading() {
  return <PageLoading label="Loading the moderation page…" rows={6} />;
}
