namespace AdaptiveMooc.Api.Security;

/// <summary>Headers every response carries; the API serves JSON, so nothing may frame or sniff it.</summary>
internal static class SecurityHeaders
{
    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // Only frame-ancestors: a stricter default-src would break the interactive docs at /docs.
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.Path.StartsWithSegments("/api/auth"))
        {
            headers.CacheControl = "no-store";
        }

        return next(context);
    }
}
