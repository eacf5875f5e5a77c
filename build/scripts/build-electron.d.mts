// Types of build-electron.mjs for the TypeScript tests that build the bundles.
export declare function buildElectron(options?: { outDir?: string }): Promise<string[]>;
