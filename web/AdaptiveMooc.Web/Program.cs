using AdaptiveMooc.Web;
using AdaptiveMooc.Web.Api;
using AdaptiveMooc.Web.Components;
using AdaptiveMooc.Web.Session;
using AdaptiveMooc.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.Cookies;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// ./mooc up and the tests run the build output, not a publish folder: framework and MudBlazor assets are then
// served from their packages through the build's manifest, which ASP.NET Core reads by itself only in Development.
builder.WebHost.UseStaticWebAssets();
builder.AddMoocTelemetry("adaptivemooc-web");

builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHttpClient(MoocApi.HttpClientName, ConfigureApiClient);
builder.Services.AddHttpClient<MoocApi>(ConfigureApiClient);
builder.Services.AddDistributedMemoryCache();
builder.Services.AddSingleton<SessionStore>();
builder.Services.AddScoped<ApiCredentials>();
builder.Services.AddScoped<SignInService>();

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.Name = "mooc-session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = SessionStore.Lifetime;
        options.SlidingExpiration = true;
        options.LoginPath = "/signin";
        options.AccessDeniedPath = "/forbidden";
        options.Events.OnValidatePrincipal = SignInService.ValidateAsync;
    });
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddHttpContextAccessor();
builder.Services.AddAntiforgery(options => options.Cookie.Name = "mooc-antiforgery");
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found");
app.Use(async (context, next) =>
{
    // No framing by other sites; scripts only from this origin (Blazor and MudBlazor need inline styles).
    context.Response.Headers.XFrameOptions = "DENY";
    context.Response.Headers.XContentTypeOptions = "nosniff";
    context.Response.Headers["Referrer-Policy"] = "same-origin";
    await next();
});
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapGet("/alive", () => Results.Text("alive")).AllowAnonymous();
app.MapDownloads();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();

static void ConfigureApiClient(IServiceProvider services, HttpClient client)
{
    var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value;
    client.BaseAddress = options.BaseUrl;
    client.Timeout = TimeSpan.FromSeconds(60);
}
