// Starts Swagger UI on the /api/docs page. It lives in its own file because the
// Content-Security-Policy forbids inline scripts.
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    // The default validator badge fetches https://validator.swagger.io, which an
    // air-gapped server cannot reach and our CSP would block anyway.
    validatorUrl: null,
  });
});
