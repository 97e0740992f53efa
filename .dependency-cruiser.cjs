// Import rules of the code base (npm run lint). Two views of the same graph:
// this one counts type-only imports too (a cycle through types still ties
// two modules together); .dependency-cruiser.runtime.cjs leaves them out, as
// the bundler does, to check what code actually reaches the browser.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment: "No import cycle anywhere in app, lib and components, type-only imports included.",
      from: { path: "^(app|lib|components)/" },
      to: { circular: true },
    },
    {
      name: "no-folder-cycle-in-lib",
      severity: "error",
      comment:
        "Two folders of lib never import each other: what two domains share lives in lib/vocabulary (or another folder that imports neither).",
      scope: "folder",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "lib-not-app-or-components",
      severity: "error",
      comment: "lib is the data and domain layer: it never imports routes or UI.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "vocabulary-imports-no-domain",
      severity: "error",
      comment: "The shared vocabulary is imported by every domain and imports none of them.",
      from: { path: "^lib/vocabulary/" },
      to: { path: "^lib/", pathNot: "^lib/(vocabulary|generated)/" },
    },
    {
      name: "no-demo-data-in-production",
      severity: "error",
      comment: "The demo seed (prisma/seed) is for npm run db:seed, tests and benchmarks, never for the app.",
      from: { path: "^(app|lib|components)/" },
      to: { path: "^prisma/seed" },
    },
  ],
  options: {
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/generated/" },
    enhancedResolveOptions: { conditionNames: ["import", "require", "node", "default"] },
  },
};
