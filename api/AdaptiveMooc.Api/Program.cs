using AdaptiveMooc.Api.Endpoints;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Api.Infrastructure;
using AdaptiveMooc.Api.Security;
using AdaptiveMooc.Api.Xapi;

var builder = WebApplication.CreateBuilder(args);
builder.AddMoocOrleansClient();
builder.AddMoocSecurity();
builder.AddMoocApi();
builder.Services.AddCertificateKeys();
builder.Services.AddXapiIngest();

var app = builder.Build();
app.UseMoocApi();
app.UseMoocSecurity();
app.MapMoocApi();
app.MapAuthEndpoints().MapApiKeyEndpoints().MapTrainerEndpoints().MapAuditEndpoints();
app.MapForumEndpoints().MapWebinarEndpoints().MapCertificateEndpoints();
app.MapRecommendationEndpoints();
app.MapPlanEndpoints();
app.MapLearnerPlanEndpoints();
app.MapNotificationEndpoints();
app.MapWebhookEndpoints();
await app.RunAsync();
