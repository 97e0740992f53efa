import "server-only";
import { computeConsultationThemes, type ConsultationThemeRequest, type ConsultationThemes } from "@/lib/summaries/theme-job/compute-consultation-themes";

export type ThemeComputationRequest = ConsultationThemeRequest;

export async function runThemeComputation(
  request: ThemeComputationRequest,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<ConsultationThemes> {
  options.signal?.throwIfAborted();
  return computeConsultationThemes(request, options.onProgress);
}
