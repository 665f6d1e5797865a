using Foremast.Functions.Extensions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The isolated worker: ASP.NET Core integration for the HTTP routes, DI for activities and the shared API.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddForemastFunctions();
// Foremast traces and metrics to Application Insights and/or OTLP, each only when its setting is there (docs/operability.md).
builder.Services.AddForemastFunctionsTelemetry(builder.Configuration);
builder.Build().Run();
