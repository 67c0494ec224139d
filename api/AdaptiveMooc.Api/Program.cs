using AdaptiveMooc.Api.Endpoints;
using AdaptiveMooc.Api.Infrastructure;
using AdaptiveMooc.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddMoocSecurity();
builder.AddMoocOrleansClient();

var app = builder.Build();
app.UseMoocSecurity();
app.MapForumEndpoints().MapWebinarEndpoints().MapCertificateEndpoints();
app.MapGet("/alive", () => TypedResults.Ok("alive")).AllowAnonymous();
await app.RunAsync();
