using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Tools.Import;

/// <summary>Status and body of an answer; <see cref="Next"/> the path of the next page (a <c>Link: rel="next"</c> header), if any.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, string Body, string? Next = null)
{
    public bool Ok => (int)Status is >= 200 and < 300;

    public JsonNode? Json() => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public JsonDocument Document() => JsonDocument.Parse(Body);

    /// <summary>Throws unless the answer is a 2xx, or one of <paramref name="accepted"/>.</summary>
    public ApiAnswer Expect(string what, params HttpStatusCode[] accepted) =>
        Ok || accepted.Contains(Status)
            ? this
            : throw new InvalidOperationException($"{what} answered {(int)Status}: {Body}");
}
