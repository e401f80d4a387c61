/**
 * Jest loads modules through its own CommonJS registry, which cannot load ES modules on
 * Node 20; NestJS 12 ships only ES modules. Node itself loads them (require(esm)), so only
 * the tests need this: it rewrites those packages to CommonJS as jest reads them.
 */
const crypto = require('node:crypto');
const ts = require('typescript');

const OWN_REQUIRE = /^\s*const require = createRequire\(import\.meta\.url\);\s*$/gm;

module.exports = {
  getCacheKey(source, file) {
    return crypto.createHash('sha1').update('esm-to-cjs-v1').update(file).update(source).digest('hex');
  },
  process(source, file) {
    // An ES module that builds its own `require` gets jest's instead, so that it shares
    // jest's module registry (one typeorm, one graphql) with everything else.
    const commonJsReady = source
      .replace(OWN_REQUIRE, '')
      .replace(/import\.meta\.url/g, 'require("node:url").pathToFileURL(__filename).href')
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.filename/g, '__filename');
    const output = ts.transpileModule(commonJsReady, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
        sourceMap: false,
      },
    });
    return { code: output.outputText };
  },
};
