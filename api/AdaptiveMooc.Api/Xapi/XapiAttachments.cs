using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptiveMooc.Api.Http;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Statements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// Attachment rules of xAPI 1.0.3 (Data 2.4.11, 2.6; Communication 1.5.2): every attachment without a
/// <c>fileUrl</c> needs a part with its SHA-2, every part must belong to an attachment, and a signature
/// attachment (<c>application/octet-stream</c>) must be a JWS (RS256, RS384 or RS512) whose payload is the
/// statement; with an <c>x5c</c> certificate the signature is verified. GET with <c>attachments=true</c>
/// answers <c>multipart/mixed</c>.
/// </summary>
internal static class XapiAttachments
{
    public const string SignatureUsage = "http://adlnet.gov/expapi/attachments/signature";

    private static readonly string[] Compared = ["actor", "verb", "object", "result", "context", "timestamp", "id"];

    public static ProblemHttpResult? Check(IReadOnlyList<ParsedStatement> statements, IReadOnlyList<XapiAttachment> parts)
    {
        var bySha = parts.GroupBy(p => p.Sha2, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in statements)
        {
            var index = 0;
            foreach (var attachment in statement.Attachments)
            {
                var field = $"[{statement.Index}].attachments[{index++}]";
                if (bySha.TryGetValue(attachment.Sha2, out var part))
                {
                    used.Add(attachment.Sha2);
                    if (attachment.UsageType == SignatureUsage && Signature(statement.Element, part) is { } bad)
                    {
                        return Problems.BadRequest($"{field}: {bad}", field);
                    }
                }
                else if (!attachment.HasFileUrl)
                {
                    return Problems.BadRequest($"{field} has no fileUrl and no part with its sha2 {attachment.Sha2} was sent; nothing was stored.", field + ".sha2");
                }
            }
        }

        return parts.FirstOrDefault(p => !used.Contains(p.Sha2)) is { } extra
            ? Problems.BadRequest($"The attachment part with hash {extra.Sha2} belongs to no attachment of the statements; nothing was stored.", XapiBody.HashHeader)
            : null;
    }

    private static string? Signature(JsonElement statement, XapiAttachment part)
    {
        if (!part.ContentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return "a signature attachment must be application/octet-stream.";
        }

        var jws = Encoding.ASCII.GetString(part.Content).Trim().Split('.');
        if (jws.Length != 3)
        {
            return "the signature is no JWS in compact serialisation.";
        }

        JsonElement header, payload;
        byte[] signature;
        try
        {
            using var headerDocument = JsonDocument.Parse(Base64Url.DecodeFromChars(jws[0]));
            using var payloadDocument = JsonDocument.Parse(Base64Url.DecodeFromChars(jws[1]));
            header = headerDocument.RootElement.Clone();
            payload = payloadDocument.RootElement.Clone();
            signature = Base64Url.DecodeFromChars(jws[2]);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return "the signature is no JWS (its header and payload must be base64url JSON).";
        }

        var algorithm = header.ValueKind == JsonValueKind.Object && header.TryGetProperty("alg", out var alg) ? alg.GetString() : null;
        var hash = algorithm switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        if (hash is null)
        {
            return "the JWS algorithm must be RS256, RS384 or RS512.";
        }

        if (payload.ValueKind != JsonValueKind.Object
            || Compared.Any(name => Canonical(payload, name) is { } signed && signed != Canonical(statement, name))
            || Compared.Take(3).Any(name => Canonical(payload, name) is null))
        {
            return "the JWS payload is not the statement that carries it.";
        }

        if (header.TryGetProperty("x5c", out var chain) && chain.ValueKind == JsonValueKind.Array && chain.GetArrayLength() > 0)
        {
            try
            {
                using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(chain[0].GetString()!));
                using var rsa = certificate.GetRSAPublicKey();
                if (rsa is null || !rsa.VerifyData(Encoding.ASCII.GetBytes(jws[0] + "." + jws[1]), signature, hash.Value, RSASignaturePadding.Pkcs1))
                {
                    return "the JWS signature does not verify with the certificate of its x5c header.";
                }
            }
            catch (Exception exception) when (exception is CryptographicException or FormatException or InvalidOperationException)
            {
                return "the x5c certificate of the JWS cannot be read.";
            }
        }

        return null;
    }

    private static string? Canonical(JsonElement statement, string name) =>
        statement.TryGetProperty(name, out var value) ? Sorted(value) : null;

    private static string Sorted(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Sorted(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Sorted)) + "]",
        JsonValueKind.String when AsInstant(element) is { } instant => instant,
        _ => element.GetRawText(),
    };

    // Timestamps compare as instants, whatever their notation.
    private static string? AsInstant(JsonElement element) =>
        element.GetString() is { } text && XapiStatementValidator.IsTimestamp(text) && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant)
            ? JsonSerializer.Serialize(instant.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;

    /// <summary>A statement GET with <c>attachments=true</c>: the JSON first, then each stored attachment the statements name.</summary>
    public static async Task<IResult> MultipartResult(JsonNode json, IEnumerable<StoredStatement> statements, IClusterClient cluster)
    {
        var hashes = new List<string>();
        foreach (var stored in statements)
        {
            using var document = JsonDocument.Parse(stored.Statement.Json);
            if (document.RootElement.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                hashes.AddRange(list.EnumerateArray().Select(a => a.GetProperty("sha2").GetString()!.ToLowerInvariant()));
            }
        }

        var found = hashes.Count == 0 ? [] : await cluster.ByKey<IStatementQueryGrain>(0).ReadAttachments(hashes);
        var boundary = "xapi-" + Guid.NewGuid().ToString("N");
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{boundary}\r\nContent-Type: application/json\r\n\r\n{json.ToJsonString()}\r\n");
        foreach (var attachment in found)
        {
            Write($"--{boundary}\r\nContent-Type: {attachment.ContentType}\r\nContent-Transfer-Encoding: binary\r\n{XapiBody.HashHeader}: {attachment.Sha2}\r\n\r\n");
            body.Write(attachment.Content);
            Write("\r\n");
        }

        Write($"--{boundary}--\r\n");
        return TypedResults.Bytes(body.ToArray(), $"multipart/mixed; boundary={boundary}");
    }
}
