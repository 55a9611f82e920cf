// ESLint flat config for the pages' ES modules (functions/Schedly.Functions/wwwroot). Types are
// checked separately by TypeScript (tsconfig.pages.json); `npm run lint` runs both.
import js from "@eslint/js";
import globals from "globals";

export default [
  // Vendored packages (npm run vendor) are checked only against their npm copy (npm run vendor:check).
  { ignores: ["functions/Schedly.Functions/wwwroot/assets/vendor/**"] },
  js.configs.recommended,
  {
    files: ["functions/Schedly.Functions/wwwroot/**/*.js"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: globals.browser,
    },
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-unused-vars": ["error", { args: "after-used", argsIgnorePattern: "^_" }],
    },
  },
];
