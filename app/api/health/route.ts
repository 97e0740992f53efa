import { checkDatabase } from "@/lib/health/check-database";

// Liveness and readiness for load balancers and the e2e harness.
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database ? "ok" : "degraded", database }, { status: database ? 200 : 503 });
}
