import { seedOwnConsultation } from "../own-consultation-seed";
import { REPORT_AUTHORS, REPORT_CONSULTATION, REPORT_CONTRIBUTIONS } from "../report-fixtures";

// Run by scripts/e2e-server.sh after the seed, before the server starts. See ../report-fixtures.ts.

seedOwnConsultation({ name: "report", consultation: REPORT_CONSULTATION, authors: REPORT_AUTHORS, approved: REPORT_CONTRIBUTIONS });
