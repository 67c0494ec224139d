using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;

namespace AdaptiveMooc.Api.Security;

/// <summary>
/// Answers 401 and 403 with ProblemDetails bodies (the schemes only set status and WWW-Authenticate).
/// </summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged)
        {
            if (policy.AuthenticationSchemes.Count > 0)
            {
                foreach (var scheme in policy.AuthenticationSchemes)
                {
                    await context.ChallengeAsync(scheme);
                }
            }
            else
            {
                await context.ChallengeAsync();
            }

            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", await ChallengeDetailAsync(context));
            return;
        }

        if (authorizeResult.Forbidden)
        {
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "The caller is not allowed to do this.");
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    private static async Task<string> ChallengeDetailAsync(HttpContext context)
    {
        // The middleware keeps only successful results; handlers cache theirs per request, so asking
        // again costs nothing and tells why the credentials were refused.
        var failure = (await context.AuthenticateAsync()).Failure;
        return failure switch
        {
            null => "Credentials are required: send Authorization: Bearer <token> or X-Api-Key: <key>.",
            SecurityTokenExpiredException => "The access token has expired: refresh it at /api/auth/refresh.",
            SecurityTokenException => "The access token is not valid.",
            _ => failure.Message,
        };
    }

    private async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
