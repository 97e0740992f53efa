import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["lib/generated/**", ".next/**", "node_modules/**", "data/**", ".e2e-data/**", "playwright-report/**", "test-results/**", "next-env.d.ts"],
  },
  {
    rules: {
      // The one reader of process.env is lib/env.ts (STYLE.md).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
      // Leaving keys out of an object with a rest pattern is how a field is dropped.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
    },
  },
  {
    // dependency-cruiser reads CommonJS configuration files.
    files: [".dependency-cruiser*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "tests/**", "scripts/**", "bench/**", "playwright.config.ts", "prisma/seed.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
