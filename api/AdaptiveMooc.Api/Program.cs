using AdaptiveMooc.Api.Infrastructure;
using AdaptiveMooc.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddMoocSecurity();
builder.AddMoocOrleansClient();

var app = builder.Build();
app.UseMoocSecurity();
app.MapGet("/alive", () => TypedResults.Ok("alive")).AllowAnonymous();
await app.RunAsync();
