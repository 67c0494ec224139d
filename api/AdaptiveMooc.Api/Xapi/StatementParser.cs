using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// Validates xAPI 1.0.3 statements as the platform accepts them and reduces each to a
/// <see cref="StatementRecord"/>. The content hash covers the statement as sent, minus
/// <c>stored</c>, <c>authority</c> and <c>version</c>, with object keys sorted, so the same statement
/// re-sent in another key order is still the same.
/// </summary>
internal sealed partial class StatementParser(string baseUrl, DateTimeOffset now, JsonObject? authority = null)
{
    public const int MaxStatementsPerRequest = 1000;

    /// <summary>Timestamps later than now plus this margin are refused (clock skew between clients is tolerated).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "stored", "authority", "version" };

    public IReadOnlyList<ParsedStatement> Parse(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return [ParseOne(root, 0, string.Empty)];
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new StatementParseException("body", "The body must be one statement object or an array of statements.");
        }

        var count = root.GetArrayLength();
        if (count == 0 || count > MaxStatementsPerRequest)
        {
            throw new StatementParseException("body", $"Send 1 to {MaxStatementsPerRequest} statements per request.");
        }

        var statements = new List<ParsedStatement>(count);
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            statements.Add(ParseOne(element, index, $"[{index}]."));
            index++;
        }

        return statements;
    }

    private ParsedStatement ParseOne(JsonElement statement, int index, string at)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw new StatementParseException(at.TrimEnd('.'), "A statement must be a JSON object.");
        }

        RejectDuplicateKeys(statement, at.TrimEnd('.'));
        XapiStatementValidator.Validate(statement, at);

        var hasId = statement.TryGetProperty("id", out var idElement);
        var id = hasId ? Guid.Parse(idElement.GetString()!) : Guid.CreateVersion7(now);
        var actor = statement.GetProperty("actor");
        var verb = statement.GetProperty("verb").GetProperty("id").GetString()!;
        var target = statement.GetProperty("object");
        var activityId = (!target.TryGetProperty("objectType", out var objectType) || objectType.GetString() == "Activity")
            ? target.GetProperty("id").GetString()!
            : string.Empty;

        bool? success = null, completion = null;
        double? scaled = null;
        TimeSpan? duration = null;
        var hasScore = false;
        if (statement.TryGetProperty("result", out var result))
        {
            success = result.TryGetProperty("success", out var s) ? s.GetBoolean() : null;
            completion = result.TryGetProperty("completion", out var c) ? c.GetBoolean() : null;
            if (result.TryGetProperty("score", out var score))
            {
                hasScore = true;
                scaled = score.TryGetProperty("scaled", out var scaledElement) ? scaledElement.GetDouble() : null;
            }

            if (result.TryGetProperty("duration", out var durationElement))
            {
                duration = TryDuration(durationElement.GetString()!);
            }

            // The xAPI video profile's watched share: without an explicit result.completion it decides whether
            // the statement completes the lesson (docs/CONTENT.md, "Player statements").
            if (XapiVideo.Progress(result) is { } progress)
            {
                if (progress is double.NaN or < 0 or > 1)
                {
                    throw new StatementParseException(
                        $"{at}result.extensions[{XapiVideo.ProgressExtension}]", $"{at}result.extensions[{XapiVideo.ProgressExtension}] must be a number between 0 and 1.");
                }

                completion ??= XapiVideo.CompletionOf(verb, progress);
            }
        }

        var hasTimestamp = statement.TryGetProperty("timestamp", out var timestampElement);
        var timestamp = hasTimestamp ? ParseInstant(timestampElement, at + "timestamp") : now;
        var version = statement.TryGetProperty("version", out var v) ? v.GetString()! : "1.0.0";
        var (json, hash) = Canonical(statement, hasId ? null : id, hasTimestamp ? null : timestamp, version, authority);
        var attachments = statement.TryGetProperty("attachments", out var list)
            ? list.EnumerateArray().Select(a => new DeclaredAttachment(
                a.GetProperty("sha2").GetString()!.ToLowerInvariant(),
                a.GetProperty("contentType").GetString()!,
                a.GetProperty("length").GetInt64(),
                a.GetProperty("usageType").GetString()!,
                a.TryGetProperty("fileUrl", out _))).ToList()
            : [];
        var index2 = XapiIndexer.From(statement, [.. attachments.Where(a => !a.HasFileUrl).Select(a => a.Sha2).Distinct(StringComparer.Ordinal)]);
        var record = new StatementRecord(
            id, PlatformLearner(actor) ?? string.Empty, verb, activityId, timestamp, json, hash,
            null, null, null, success, completion, scaled, duration, Index: index2);
        var graded = verb is XapiVerbs.Passed or XapiVerbs.Failed or XapiVerbs.Completed || hasScore || success is not null || completion is not null;
        var mbox = actor.TryGetProperty("mbox", out var m) && (!actor.TryGetProperty("objectType", out var t) || t.GetString() == "Agent") ? m.GetString()!["mailto:".Length..] : null;
        return new ParsedStatement(index, record, graded)
        {
            Mbox = mbox,
            HasTimestamp = hasTimestamp,
            Attachments = attachments,
            Element = statement.Clone(),
        };
    }

    /// <summary>The learner id of an actor <c>{"account": {"homePage": base, "name": id}}</c>, or null for any other actor.</summary>
    public string? PlatformLearner(JsonElement actor)
    {
        if (actor.ValueKind != JsonValueKind.Object
            || (actor.TryGetProperty("objectType", out var type) && type.GetString() != "Agent")
            || !actor.TryGetProperty("account", out var account) || account.ValueKind != JsonValueKind.Object
            || !account.TryGetProperty("homePage", out var homePage) || homePage.ValueKind != JsonValueKind.String
            || homePage.GetString()!.TrimEnd('/') != baseUrl
            || !account.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || !Ids.IsValid(name.GetString()))
        {
            return null;
        }

        return name.GetString()!;
    }

    private static TimeSpan? TryDuration(string text)
    {
        try
        {
            var duration = XmlConvert.ToTimeSpan(text);
            return duration <= TimeSpan.FromDays(366) ? duration : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static DateTimeOffset ParseInstant(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.String && TryParseInstant(element.GetString(), out var instant)
            ? instant
            : throw new StatementParseException(field, $"{field} must be an ISO 8601 instant with an offset, such as 2026-01-31T18:00:00Z.");

    public static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is not null
            && InstantPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    private static void RejectDuplicateKeys(JsonElement element, string field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!seen.Add(property.Name))
                    {
                        throw new StatementParseException(field, $"{field} repeats the property '{property.Name}'.");
                    }

                    RejectDuplicateKeys(property.Value, field.Length == 0 ? property.Name : $"{field}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    RejectDuplicateKeys(item, field);
                }

                break;
        }
    }

    /// <summary>The hash of the statement as sent and the JSON to store (with the id and timestamp the server filled in).</summary>
    private static (string Json, string Hash) Canonical(JsonElement statement, Guid? filledId, DateTimeOffset? filledTimestamp, string version, JsonObject? authority)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteSorted(writer, statement, topLevel: true, null, null);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
        var stored = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(stored))
        {
            WriteSorted(writer, statement, topLevel: true, filledId, filledTimestamp, version, authority);
        }

        return (Encoding.UTF8.GetString(stored.WrittenSpan), hash);
    }

    private static void WriteSorted(
        Utf8JsonWriter writer, JsonElement element, bool topLevel, Guid? filledId, DateTimeOffset? filledTimestamp, string? version = null, JsonObject? authority = null,
        bool raw = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                if (topLevel && filledId is { } id)
                {
                    writer.WriteString("id", id);
                }

                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (topLevel && Ignored.Contains(property.Name))
                    {
                        continue;
                    }

                    writer.WritePropertyName(property.Name);
                    if (!raw && property.Name == "contextActivities" && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        // xAPI 1.0.3 Data 2.4.6.2: every contextActivities value is returned as an array, also when it arrived as one Activity.
                        writer.WriteStartObject();
                        foreach (var kind in property.Value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                        {
                            writer.WritePropertyName(kind.Name);
                            var single = kind.Value.ValueKind == JsonValueKind.Object;
                            if (single)
                            {
                                writer.WriteStartArray();
                            }

                            WriteSorted(writer, kind.Value, false, null, null);
                            if (single)
                            {
                                writer.WriteEndArray();
                            }
                        }

                        writer.WriteEndObject();
                        continue;
                    }

                    WriteSorted(writer, property.Value, false, null, null, raw: raw || property.Name == "extensions");
                }

                if (topLevel && version is not null)
                {
                    writer.WriteString("version", version);
                }

                if (topLevel && authority is not null)
                {
                    writer.WritePropertyName("authority");
                    authority.WriteTo(writer);
                }

                if (topLevel && filledTimestamp is { } timestamp)
                {
                    writer.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteSorted(writer, item, false, null, null, raw: raw);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();
}
