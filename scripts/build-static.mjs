// SPDX-License-Identifier: EUPL-1.2
// Copyright (C) 2026 Migratieketen contributors
//
// Copy the NL Design System CSS and Swagger UI (the API documentation at
// /api/v1/docs) that we use from node_modules into
// src/migratieketen_web/static/vendor/ (git-ignored), so the app serves every
// asset itself (no CDN) and no third-party file is ever committed.
import { copyFileSync, mkdirSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "src", "migratieketen_web", "static", "vendor");

const files = [
  ["@utrecht/component-library-css/dist/index.css", "utrecht/component-library.css"],
  [
    "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
    "voorbeeld-design-tokens/theme.css",
  ],
  ["swagger-ui-dist/swagger-ui.css", "swagger-ui/swagger-ui.css"],
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"],
  ["swagger-ui-dist/LICENSE", "swagger-ui/LICENSE"],
];

for (const [from, to] of files) {
  const source = join(root, "node_modules", from);
  if (!existsSync(source)) {
    console.error(`Ontbreekt: ${source}. Voer eerst 'npm ci' uit.`);
    process.exit(1);
  }
  const dest = join(target, to);
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(source, dest);
  if (/\.(css|js)$/.test(dest)) {
    // The source maps are not shipped: drop the reference, or the hashed static
    // storage (collectstatic) fails on the missing .map file.
    const text = readFileSync(dest, "utf8")
      .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, "")
      .replace(/^\/\/# sourceMappingURL=.*$/gm, "");
    writeFileSync(dest, text);
  }
  console.log(`${from} -> static/vendor/${to}`);
}
