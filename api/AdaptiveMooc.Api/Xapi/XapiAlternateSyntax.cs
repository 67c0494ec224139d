using System.Text;
using AdaptiveMooc.Api.Http;
using Microsoft.Extensions.Primitives;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// The alternate request syntax of xAPI 1.0.3 (Communication 1.3): <c>POST /xapi/...?method=PUT|GET|POST|DELETE</c>
/// with an <c>application/x-www-form-urlencoded</c> body whose fields carry the headers (<c>Authorization</c>,
/// <c>X-Experience-API-Version</c>, <c>Content-Type</c>, ...), the <c>content</c> and the query parameters. The
/// request is rewritten before authentication and routing, so it is served exactly as its plain form would be
/// (every <c>/xapi</c> resource). Any other query parameter beside <c>method</c> is refused (400).
/// </summary>
internal static class XapiAlternateSyntax
{
    private static readonly HashSet<string> Methods = new(["GET", "PUT", "POST", "DELETE", "HEAD"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> HeaderFields = new(
        ["Authorization", "X-Experience-API-Version", "Content-Type", "Content-Length", "If-Match", "If-None-Match", "Accept-Language"],
        StringComparer.OrdinalIgnoreCase);

    public static IApplicationBuilder UseXapiAlternateSyntax(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/xapi", StringComparison.OrdinalIgnoreCase)
                && request.Query.ContainsKey("method"))
            {
                if (await RewriteAsync(context) is { } problem)
                {
                    await problem.ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });

    private static async Task<IResult?> RewriteAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Query.Keys.FirstOrDefault(k => k != "method") is { } other)
        {
            return Problems.BadRequest($"With the alternate request syntax every parameter travels in the form body, not the query string ('{other}').", other);
        }

        var method = request.Query["method"].ToString();
        if (!Methods.Contains(method))
        {
            return Problems.BadRequest("method must be GET, PUT, POST, DELETE or HEAD.", "method");
        }

        if (!request.HasFormContentType || !(request.ContentType ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest("The alternate request syntax needs an application/x-www-form-urlencoded body.", "Content-Type");
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        var query = new List<KeyValuePair<string, StringValues>>();
        string? content = null;
        request.Headers.ContentType = StringValues.Empty;
        foreach (var (key, value) in form)
        {
            if (HeaderFields.Contains(key))
            {
                request.Headers[key] = value;
            }
            else if (key == "content")
            {
                content = value.ToString();
            }
            else
            {
                query.Add(new KeyValuePair<string, StringValues>(key, value));
            }
        }

        var bytes = Encoding.UTF8.GetBytes(content ?? string.Empty);
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        if (content is not null && request.Headers.ContentType.Count == 0)
        {
            request.Headers.ContentType = "application/json";
        }

        request.Method = method.ToUpperInvariant();
        request.QueryString = QueryString.Create(query);
        return null;
    }
}
