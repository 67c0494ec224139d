using AdaptiveMooc.Grains.Abstractions.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AdaptiveMooc.Api.Security;

public static class SecuritySetup
{
    public static WebApplicationBuilder AddMoocSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<AdminKeyOptions>().BindConfiguration(AdminKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section);

        Passwords.Configure(configuration);
        if (configuration[Passwords.Section + ":TestOnlyIterations"] is not null)
        {
            Console.Error.WriteLine($"WARNING: {Passwords.Section}:TestOnlyIterations is set: passwords are hashed with {Passwords.Iterations} PBKDF2 iterations, below OWASP's advice. Tests only.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<IPublicKeySource>(sp => sp.GetRequiredService<SigningKeyStore>());
        services.AddSingleton<AdminKey>();
        services.AddSingleton<ApiKeyValidator>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<Accounts.SessionRevocations>();
        services.AddSingleton<Accounts.AccountMail>();
        services.AddOptions<Accounts.AccountOptions>().Bind(builder.Configuration.GetSection(Accounts.AccountOptions.Section))
            .PostConfigure(o => o.WebBaseUrl = builder.Configuration["Mooc:Mail:WebBaseUrl"] is { Length: > 0 } web ? web : o.WebBaseUrl);
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<CourseAccess>();
        services.AddSingleton<IAuditTrail, AuditTrail>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        var authentication = services.AddAuthentication(MoocAuthentication.SchemeName)
            .AddPolicyScheme(MoocAuthentication.SchemeName, null, o =>
                o.ForwardDefaultSelector = context => MoocAuthentication.SelectScheme(context, jwt.Issuer, oidc.Enabled))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyStore, IOptions<JwtOptions>>((o, keys, options) => ConfigureOwnTokens(o, keys, options.Value));
        if (oidc.Enabled)
        {
            authentication.AddJwtBearer(OidcClaimMapper.SchemeName, o => ConfigureOidc(o, oidc));
        }

        // Every endpoint needs an authenticated caller unless it says AllowAnonymous: a route added
        // without a policy is closed, not open.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(MoocPolicies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(MoocClaims.Kind, nameof(CallerKind.Admin)))
            .AddPolicy(MoocPolicies.Account, p => p.RequireAuthenticatedUser()
                .RequireClaim(MoocClaims.Kind, nameof(CallerKind.Learner), nameof(CallerKind.Trainer), nameof(CallerKind.Admin)));

        services.AddRateLimiter(RateLimiting.Configure);

        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (proxies.Enabled)
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // Only the configured proxies, not the loopback defaults; one hop: the proxy's own entry.
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                o.ForwardLimit = 1;
                foreach (var proxy in proxies.KnownProxies)
                {
                    o.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var ip)
                        ? ip : throw new InvalidOperationException($"Mooc:Proxy:KnownProxies: '{proxy}' is not an IP address."));
                }

                foreach (var network in proxies.KnownNetworks)
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var cidr)
                        ? cidr : throw new InvalidOperationException($"Mooc:Proxy:KnownNetworks: '{network}' is not a CIDR network."));
                }
            });
        }

        var limits = configuration.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>() ?? new RequestLimitsOptions();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        });

        var origins = configuration.GetSection(MoocCorsOptions.Section).Get<MoocCorsOptions>()?.AllowedOrigins ?? [];
        if (origins.Length > 0)
        {
            services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("Location", "Retry-After")));
        }

        return builder;
    }

    public static WebApplication UseMoocSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Create the signing key at start-up, not on the first login, so /.well-known/jwks.json is stable.
        app.Services.GetRequiredService<SigningKeyStore>();
        if (app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() is { Enabled: true })
        {
            app.UseForwardedHeaders();
        }

        app.Use(SecurityHeaders.Apply);
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null)
        {
            app.UseCors();
        }

        app.UseAuthentication();
        // After authentication so the limiter can partition by key or account, before authorization so
        // rejected credentials still count against the caller's address.
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static void ConfigureOwnTokens(JwtBearerOptions o, SigningKeyStore keys, JwtOptions jwt)
    {
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKeys = keys.ValidationKeys,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ClockSkew = jwt.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            NameClaimType = MoocClaims.Subject,
            RoleClaimType = MoocClaims.Kind,
        };
        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = async context =>
            {
                var kind = context.Principal?.FindFirst(MoocClaims.Kind)?.Value;
                var id = context.Principal?.FindFirst(MoocClaims.Subject)?.Value;
                if (kind is not (nameof(CallerKind.Learner) or nameof(CallerKind.Trainer) or nameof(CallerKind.Admin)) || !Ids.IsValid(id))
                {
                    context.Fail("The access token names no platform account.");
                    return;
                }

                // Access tokens of a login revoked by a password change, a reset or a deletion stop at once
                // (docs/ACCOUNTS.md), compared to the millisecond (mooc:iat_ms); a token without that claim (issued
                // before it existed) by its whole-second iat, so a token of the revoking second itself stays valid.
                if (kind is nameof(CallerKind.Learner) or nameof(CallerKind.Trainer)
                    && context.SecurityToken is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token
                    && await context.HttpContext.RequestServices.GetRequiredService<Accounts.SessionRevocations>().RevokedBeforeAsync(kind, id!) is { } revokedBefore
                    && IssuedBefore(token, revokedBefore))
                {
                    context.Fail("This login was ended by a password change or account deletion.");
                }
            },
        };
    }

    /// <summary>Whether the access token was issued before <paramref name="revokedBefore"/> (see <see cref="MoocClaims.IssuedAtMilliseconds"/>).</summary>
    internal static bool IssuedBefore(Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token, DateTimeOffset revokedBefore) =>
        token.TryGetPayloadValue<long>(MoocClaims.IssuedAtMilliseconds, out var issuedMs)
            ? issuedMs < revokedBefore.ToUnixTimeMilliseconds()
            : token.IssuedAt < revokedBefore.UtcDateTime.AddTicks(-(revokedBefore.UtcDateTime.Ticks % TimeSpan.TicksPerSecond));

    private static void ConfigureOidc(JwtBearerOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.Audience = oidc.Audience;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.MapInboundClaims = false;
        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var principal = OidcClaimMapper.Map(context.Principal!, oidc);
                if (principal is null)
                {
                    context.Fail("The external token has no 'iss' or no 'sub' claim.");
                }
                else
                {
                    context.Principal = principal;
                }

                return Task.CompletedTask;
            },
        };
    }
}
