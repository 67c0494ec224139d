using System.Security.Cryptography;
using System.Text.Json;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Grains.Abstractions.Statements;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// The body of a statement PUT or POST: <c>application/json</c>, or <c>multipart/mixed</c> whose first part is
/// the JSON and whose other parts are attachment contents, each with <c>X-Experience-API-Hash</c> (its SHA-256,
/// SHA-384 or SHA-512 in hex), checked against the content (400 on a mismatch or a missing hash).
/// </summary>
internal sealed class XapiBody
{
    public const string HashHeader = "X-Experience-API-Hash";

    public JsonDocument? Json { get; private init; }

    public IReadOnlyList<XapiAttachment> Parts { get; private init; } = [];

    public ProblemHttpResult? Problem { get; private init; }

    private static XapiBody Fail(string detail, string field) => new() { Problem = Problems.BadRequest(detail, field) };

    public static async Task<XapiBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            return Fail("Content-Type must be application/json or multipart/mixed.", "Content-Type");
        }

        if (contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            return ParseJson(buffer.ToArray());
        }

        if (!contentType.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Content-Type must be application/json or multipart/mixed.", "Content-Type");
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Fail("multipart/mixed needs a boundary.", "Content-Type");
        }

        var reader = new MultipartReader(boundary, request.Body);
        XapiBody? first = null;
        var parts = new List<XapiAttachment>();
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken);
                if (first is null)
                {
                    if (section.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                    {
                        return Fail("The first part of a multipart/mixed statement request must be application/json.", "Content-Type");
                    }

                    first = ParseJson(content.ToArray());
                    if (first.Problem is not null)
                    {
                        return first;
                    }

                    continue;
                }

                if (!section.Headers!.TryGetValue(HashHeader, out var hashHeader) || hashHeader.ToString() is not { Length: > 0 } declared)
                {
                    return Fail($"Every attachment part needs the {HashHeader} header.", HashHeader);
                }

                if (section.ContentType is not { Length: > 0 } partType)
                {
                    return Fail("Every attachment part needs a Content-Type.", "Content-Type");
                }

                var bytes = content.ToArray();
                var actual = declared.Length switch
                {
                    64 => Convert.ToHexStringLower(SHA256.HashData(bytes)),
                    96 => Convert.ToHexStringLower(SHA384.HashData(bytes)),
                    128 => Convert.ToHexStringLower(SHA512.HashData(bytes)),
                    _ => null,
                };
                if (actual is null || !actual.Equals(declared, StringComparison.OrdinalIgnoreCase))
                {
                    return Fail($"An attachment part's content does not match its {HashHeader} ({declared}); SHA-256, SHA-384 and SHA-512 are accepted.", HashHeader);
                }

                parts.Add(new XapiAttachment(actual, partType, bytes));
            }
        }
        catch (IOException exception) when (exception is not EndOfStreamException)
        {
            return Fail("The multipart/mixed body is malformed: " + exception.Message, "body");
        }
        catch (InvalidDataException exception)
        {
            return Fail("The multipart/mixed body is malformed: " + exception.Message, "body");
        }

        return first is null ? Fail("The multipart/mixed body has no statement part.", "body") : new XapiBody { Json = first.Json, Parts = parts };
    }

    private static XapiBody ParseJson(byte[] content)
    {
        try
        {
            return new XapiBody { Json = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 }) };
        }
        catch (JsonException)
        {
            return Fail("The body is not valid JSON.", "body");
        }
    }
}
