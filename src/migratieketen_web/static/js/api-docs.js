// SPDX-License-Identifier: EUPL-1.2
// Copyright (C) 2026 Migratieketen contributors
//
// Start Swagger UI on /api/v1/docs with the served OpenAPI document. A static
// file (not an inline script) so the Content-Security-Policy needs no exception.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi-url"),
    domNode: root,
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
  });
})();
