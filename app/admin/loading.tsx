import { PageLoading } from "@/components/ui/page-loading";

export default function AdminLoading() {
  return <PageLoading label="Loading the administration page…" />;
}
