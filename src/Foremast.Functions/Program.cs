using Foremast.Functions.Extensions;
using Foremast.Workflows.Extensions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The isolated worker: ASP.NET Core integration for the HTTP routes, DI for activities and the shared API.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddForemastFunctions();
// Foremast traces and metrics through OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/operability.md).
builder.Services.AddForemastTelemetry(builder.Configuration, "foremast-functions");
builder.Build().Run();
