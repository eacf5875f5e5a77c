// electron-builder `beforeBuild` hook (build/electron-builder.yml). Resolving to false means
// "node_modules are handled outside electron-builder": it then neither rebuilds nor copies them.
// Dossier needs none at run time, because dist/ holds bundles (Vite for the renderer, esbuild
// for main and preload) with every dependency inside.
module.exports = async function beforeBuild() {
  return false;
};
