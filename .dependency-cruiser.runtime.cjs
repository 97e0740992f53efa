// The runtime view of the import graph (type-only imports dropped, as the
// bundler drops them): what a component imports ends up in the browser
// bundle, so it must never reach a module that is for the server only.
const base = require("./.dependency-cruiser.cjs");

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "components-no-server-only",
      severity: "error",
      comment:
        "components/ are presentational: they get data and server actions as props from the page and never import a server-only module, directly or through another module.",
      from: { path: "^components/" },
      to: { path: "^node_modules/server-only/", reachable: true },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
