import { seedOwnConsultation } from "../own-consultation-seed";
import { STEERING_AUTHORS, STEERING_CONSULTATION, STEERING_CONTRIBUTIONS, STEERING_PENDING } from "../steering-fixtures";

// Run by scripts/e2e-server.sh after the seed, before the server starts. See ../steering-fixtures.ts.

seedOwnConsultation({ name: "steering", consultation: STEERING_CONSULTATION, authors: STEERING_AUTHORS, approved: STEERING_CONTRIBUTIONS, pending: [STEERING_PENDING] });
