using AdaptiveMooc.Api.Endpoints;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Infrastructure;
using AdaptiveMooc.Api.Media;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Telemetry;
using AdaptiveMooc.Api.Xapi;

var builder = WebApplication.CreateBuilder(args);
builder.AddMoocOrleansClient();
builder.AddMoocApiTelemetry();
builder.AddMoocSecurity();
builder.AddMoocApi();
builder.Services.AddCertificateKeys();
builder.Services.AddXapiIngest();
builder.Services.AddCmi5();
builder.Services.AddMoocMedia();
builder.Services.AddPayments();

var app = builder.Build();
app.UseMoocApi();
app.UseXapiAlternateSyntax();

// Explicit, so that routing sees a request the xAPI alternate syntax rewrote (method, headers, query).
app.UseRouting();
app.UseMoocSecurity();
app.MapMoocApi();
app.MapTelemetryEndpoints();
app.MapAuthEndpoints().MapApiKeyEndpoints().MapTrainerEndpoints().MapAuditEndpoints();
app.MapForumEndpoints().MapWebinarEndpoints().MapCertificateEndpoints();
app.MapRecommendationEndpoints();
app.MapPlanEndpoints();
app.MapLearnerPlanEndpoints();
app.MapNotificationEndpoints();
app.MapWebhookEndpoints();
app.MapContentEndpoints();
app.MapPaymentEndpoints().MapProviderEndpoints();
app.MapAccountEndpoints();
app.MapLrsForwardingEndpoints();
app.MapModelEndpoints();
// Taken before RunAsync: when start-up fails, RunAsync disposes the host (and its services) before throwing.
var stopping = app.Lifetime.ApplicationStopping;
try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // SIGTERM while still waiting for a gateway (./mooc down, or up giving up): a requested stop, not a crash.
    // Unhandled, it aborted the process (exit 134, core dump, "Aborted" from the shell).
}
