using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
internal sealed partial class StatementParser(string baseUrl, DateTimeOffset now)
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

        Guid id;
        var hasId = statement.TryGetProperty("id", out var idElement);
        if (hasId)
        {
            if (idElement.ValueKind != JsonValueKind.String || !Guid.TryParse(idElement.GetString(), out id))
            {
                throw new StatementParseException(at + "id", $"{at}id must be a UUID.");
            }
        }
        else
        {
            id = Guid.CreateVersion7(now);
        }

        var learnerId = ParseActor(Required(statement, "actor", at), at + "actor");
        var verb = ParseIri(Required(statement, "verb", at), at + "verb", objectType: null);
        var activityId = ParseIri(Required(statement, "object", at), at + "object", objectType: "Activity");

        bool? success = null, completion = null;
        double? scaled = null;
        TimeSpan? duration = null;
        var hasScore = false;
        if (statement.TryGetProperty("result", out var result))
        {
            if (result.ValueKind != JsonValueKind.Object)
            {
                throw new StatementParseException(at + "result", $"{at}result must be an object.");
            }

            success = OptionalBool(result, "success", at + "result.");
            completion = OptionalBool(result, "completion", at + "result.");
            if (result.TryGetProperty("score", out var score))
            {
                hasScore = true;
                if (score.ValueKind != JsonValueKind.Object)
                {
                    throw new StatementParseException(at + "result.score", $"{at}result.score must be an object.");
                }

                if (score.TryGetProperty("scaled", out var scaledElement))
                {
                    if (scaledElement.ValueKind != JsonValueKind.Number || scaledElement.GetDouble() is < -1 or > 1)
                    {
                        throw new StatementParseException(at + "result.score.scaled", $"{at}result.score.scaled must be a number between -1 and 1.");
                    }

                    scaled = scaledElement.GetDouble();
                }

                foreach (var name in (string[])["raw", "min", "max"])
                {
                    if (score.TryGetProperty(name, out var n) && n.ValueKind != JsonValueKind.Number)
                    {
                        throw new StatementParseException($"{at}result.score.{name}", $"{at}result.score.{name} must be a number.");
                    }
                }
            }

            if (result.TryGetProperty("duration", out var durationElement))
            {
                duration = ParseDuration(durationElement, at + "result.duration");
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

        DateTimeOffset timestamp;
        var hasTimestamp = statement.TryGetProperty("timestamp", out var timestampElement);
        if (hasTimestamp)
        {
            timestamp = ParseInstant(timestampElement, at + "timestamp");
            if (timestamp > now + FutureTolerance)
            {
                throw new StatementParseException(at + "timestamp", $"{at}timestamp {timestampElement.GetString()} is in the future.");
            }
        }
        else
        {
            timestamp = now;
        }

        var (json, hash) = Canonical(statement, hasId ? null : id, hasTimestamp ? null : timestamp);
        var activity = PlatformActivity.Parse(baseUrl, activityId);
        var record = new StatementRecord(
            id, learnerId, verb, activityId, timestamp, json, hash,
            activity?.CourseId, activity?.LessonId, activity?.ItemId, success, completion, scaled, duration);
        var graded = verb is XapiVerbs.Passed or XapiVerbs.Failed or XapiVerbs.Completed || hasScore || success is not null || completion is not null;
        return new ParsedStatement(index, record, graded);
    }

    /// <summary>The learner id of an actor <c>{"account": {"homePage": base, "name": id}}</c>.</summary>
    public string ParseActor(JsonElement actor, string field)
    {
        if (actor.ValueKind != JsonValueKind.Object)
        {
            throw new StatementParseException(field, $"{field} must be an object.");
        }

        if (actor.TryGetProperty("objectType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "Agent")
        {
            throw new StatementParseException(field + ".objectType", $"{field} must be an Agent (groups are not supported).");
        }

        if (!actor.TryGetProperty("account", out var account) || account.ValueKind != JsonValueKind.Object)
        {
            throw new StatementParseException(
                field + ".account", $"{field} must identify a platform learner: {{\"account\": {{\"homePage\": \"{baseUrl}\", \"name\": \"<learnerId>\"}}}}.");
        }

        if (!account.TryGetProperty("homePage", out var homePage) || homePage.ValueKind != JsonValueKind.String
            || homePage.GetString()!.TrimEnd('/') != baseUrl)
        {
            throw new StatementParseException(field + ".account.homePage", $"{field}.account.homePage must be '{baseUrl}'.");
        }

        if (!account.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || !Ids.IsValid(name.GetString()))
        {
            throw new StatementParseException(field + ".account.name", $"{field}.account.name must be a learner id (1-64 characters of [a-z0-9-]).");
        }

        return name.GetString()!;
    }

    private static JsonElement Required(JsonElement statement, string name, string at) =>
        statement.TryGetProperty(name, out var value) ? value : throw new StatementParseException(at + name, $"{at}{name} is required.");

    private static string ParseIri(JsonElement element, string field, string? objectType)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StatementParseException(field, $"{field} must be an object with an id.");
        }

        if (objectType is not null && element.TryGetProperty("objectType", out var type) && type.GetString() != objectType)
        {
            throw new StatementParseException(field + ".objectType", $"{field}.objectType must be '{objectType}'.");
        }

        if (!element.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
            || id.GetString() is not { Length: > 0 and <= 2048 } text || !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            throw new StatementParseException(field + ".id", $"{field}.id must be an absolute IRI of at most 2048 characters.");
        }

        return text;
    }

    private static bool? OptionalBool(JsonElement parent, string name, string at)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new StatementParseException(at + name, $"{at}{name} must be true or false."),
        };
    }

    private static TimeSpan ParseDuration(JsonElement element, string field)
    {
        if (element.ValueKind == JsonValueKind.String && element.GetString() is { } text && text.StartsWith('P'))
        {
            try
            {
                var duration = XmlConvert.ToTimeSpan(text);
                if (duration <= TimeSpan.FromDays(366))
                {
                    return duration;
                }
            }
            catch (FormatException)
            {
            }
            catch (OverflowException)
            {
            }
        }

        throw new StatementParseException(field, $"{field} must be an ISO 8601 duration such as 'PT25M' (at most a year).");
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
    private static (string Json, string Hash) Canonical(JsonElement statement, Guid? filledId, DateTimeOffset? filledTimestamp)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteSorted(writer, statement, topLevel: true, null, null);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
        if (filledId is null && filledTimestamp is null)
        {
            return (Encoding.UTF8.GetString(buffer.WrittenSpan), hash);
        }

        var stored = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(stored))
        {
            WriteSorted(writer, statement, topLevel: true, filledId, filledTimestamp);
        }

        return (Encoding.UTF8.GetString(stored.WrittenSpan), hash);
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonElement element, bool topLevel, Guid? filledId, DateTimeOffset? filledTimestamp)
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
                    WriteSorted(writer, property.Value, false, null, null);
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
                    WriteSorted(writer, item, false, null, null);
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
