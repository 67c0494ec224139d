using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// The structural rules of xAPI 1.0.3 "Data" for one statement: known properties only, types, IRIs, UUIDs,
/// agents with exactly one inverse functional identifier, groups, language maps, interaction components,
/// result ranges, context rules, timestamps, durations, attachments and versions. Throws
/// <see cref="StatementParseException"/> naming the first field that breaks a rule.
/// </summary>
internal static partial class XapiStatementValidator
{
    private static readonly HashSet<string> StatementProperties =
        ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"];

    private static readonly HashSet<string> SubStatementProperties =
        ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"];

    private static readonly HashSet<string> AgentProperties = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"];
    private static readonly HashSet<string> GroupProperties = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"];
    private static readonly HashSet<string> AccountProperties = ["homePage", "name"];
    private static readonly HashSet<string> VerbProperties = ["id", "display"];
    private static readonly HashSet<string> ActivityProperties = ["objectType", "id", "definition"];
    private static readonly HashSet<string> StatementRefProperties = ["objectType", "id"];
    private static readonly HashSet<string> ResultProperties = ["score", "success", "completion", "response", "duration", "extensions"];
    private static readonly HashSet<string> ScoreProperties = ["scaled", "raw", "min", "max"];
    private static readonly HashSet<string> ContextProperties =
        ["registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions"];

    private static readonly HashSet<string> ContextActivityKinds = ["parent", "grouping", "category", "other"];
    private static readonly HashSet<string> AttachmentProperties = ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"];
    private static readonly HashSet<string> InteractionComponentProperties = ["id", "description"];

    private static readonly HashSet<string> DefinitionProperties =
        ["name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps"];

    private static readonly Dictionary<string, string[]> ComponentListsByInteraction = new(StringComparer.Ordinal)
    {
        ["true-false"] = [],
        ["choice"] = ["choices"],
        ["fill-in"] = [],
        ["long-fill-in"] = [],
        ["matching"] = ["source", "target"],
        ["performance"] = ["steps"],
        ["sequencing"] = ["choices"],
        ["likert"] = ["scale"],
        ["numeric"] = [],
        ["other"] = [],
    };

    private static readonly string[] ComponentLists = ["choices", "scale", "source", "target", "steps"];

    public static void Validate(JsonElement statement, string at)
    {
        var field = at.TrimEnd('.');
        Properties(statement, field.Length == 0 ? "statement" : field, StatementProperties);
        if (statement.TryGetProperty("id", out var id))
        {
            Uuid(id, at + "id");
        }

        Agent(Required(statement, "actor", at), at + "actor", allowGroup: true);
        Verb(Required(statement, "verb", at), at + "verb");
        var objectType = Object(Required(statement, "object", at), at + "object", allowSubStatement: true);
        if (statement.TryGetProperty("result", out var result))
        {
            Result(result, at + "result");
        }

        if (statement.TryGetProperty("context", out var context))
        {
            Context(context, at + "context", objectType);
        }

        if (statement.TryGetProperty("timestamp", out var timestamp))
        {
            Timestamp(timestamp, at + "timestamp");
        }

        if (statement.TryGetProperty("stored", out var stored))
        {
            Timestamp(stored, at + "stored");
        }

        if (statement.TryGetProperty("authority", out var authority))
        {
            Agent(authority, at + "authority", allowGroup: true);
        }

        if (statement.TryGetProperty("version", out var version)
            && (version.ValueKind != JsonValueKind.String || !VersionPattern().IsMatch(version.GetString()!)))
        {
            throw Fail(at + "version", "must be a 1.0.x version string");
        }

        if (statement.TryGetProperty("attachments", out var attachments))
        {
            Attachments(attachments, at + "attachments");
        }

        if (VerbId(statement) == Grains.Abstractions.Statements.XapiIndexer.VoidedVerb && objectType != "StatementRef")
        {
            throw Fail(at + "object", "of a voiding statement (verb voided) must be a StatementRef");
        }
    }

    public static string? VerbId(JsonElement statement) =>
        statement.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.Object && verb.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    public static void Agent(JsonElement agent, string field, bool allowGroup)
    {
        if (agent.ValueKind != JsonValueKind.Object)
        {
            throw Fail(field, "must be an Agent or Group object");
        }

        var type = OptionalString(agent, "objectType", field) ?? "Agent";
        if (type == "Group" && allowGroup)
        {
            Properties(agent, field, GroupProperties);
            OptionalString(agent, "name", field);
            var identified = Identifiers(agent, field, allowNone: true);
            if (agent.TryGetProperty("member", out var members))
            {
                if (members.ValueKind != JsonValueKind.Array)
                {
                    throw Fail(field + ".member", "must be an array of Agents");
                }

                var index = 0;
                foreach (var member in members.EnumerateArray())
                {
                    Agent(member, $"{field}.member[{index++}]", allowGroup: false);
                }
            }
            else if (!identified)
            {
                throw Fail(field + ".member", "is required for an anonymous Group");
            }

            return;
        }

        if (type != "Agent")
        {
            throw Fail(field + ".objectType", allowGroup ? "must be 'Agent' or 'Group'" : "must be 'Agent'");
        }

        Properties(agent, field, AgentProperties);
        OptionalString(agent, "name", field);
        Identifiers(agent, field, allowNone: false);
    }

    private static bool Identifiers(JsonElement agent, string field, bool allowNone)
    {
        var count = 0;
        if (agent.TryGetProperty("mbox", out var mbox))
        {
            count++;
            if (mbox.ValueKind != JsonValueKind.String || !MboxPattern().IsMatch(mbox.GetString()!))
            {
                throw Fail(field + ".mbox", "must be 'mailto:' and an e-mail address");
            }
        }

        if (agent.TryGetProperty("mbox_sha1sum", out var sha1))
        {
            count++;
            if (sha1.ValueKind != JsonValueKind.String || !Sha1Pattern().IsMatch(sha1.GetString()!))
            {
                throw Fail(field + ".mbox_sha1sum", "must be the SHA-1 of a mailto IRI (40 hexadecimal characters)");
            }
        }

        if (agent.TryGetProperty("openid", out var openid))
        {
            count++;
            Iri(openid, field + ".openid");
        }

        if (agent.TryGetProperty("account", out var account))
        {
            count++;
            if (account.ValueKind != JsonValueKind.Object)
            {
                throw Fail(field + ".account", "must be an object with homePage and name");
            }

            Properties(account, field + ".account", AccountProperties);
            Iri(Required(account, "homePage", field + ".account."), field + ".account.homePage");
            if (Required(account, "name", field + ".account.").ValueKind != JsonValueKind.String)
            {
                throw Fail(field + ".account.name", "must be a string");
            }
        }

        if (count > 1)
        {
            throw Fail(field, "must carry exactly one of mbox, mbox_sha1sum, openid and account");
        }

        if (count == 0 && !allowNone)
        {
            throw Fail(field, "must carry one of mbox, mbox_sha1sum, openid and account");
        }

        return count == 1;
    }

    private static void Verb(JsonElement verb, string field)
    {
        if (verb.ValueKind != JsonValueKind.Object)
        {
            throw Fail(field, "must be an object with an id");
        }

        Properties(verb, field, VerbProperties);
        Iri(Required(verb, "id", field + "."), field + ".id");
        if (verb.TryGetProperty("display", out var display))
        {
            LanguageMap(display, field + ".display");
        }
    }

    private static string Object(JsonElement target, string field, bool allowSubStatement)
    {
        if (target.ValueKind != JsonValueKind.Object)
        {
            throw Fail(field, "must be an object");
        }

        var type = OptionalString(target, "objectType", field) ?? "Activity";
        switch (type)
        {
            case "Activity":
                Activity(target, field);
                break;
            case "Agent" or "Group":
                Agent(target, field, allowGroup: true);
                break;
            case "StatementRef":
                Properties(target, field, StatementRefProperties);
                Uuid(Required(target, "id", field + "."), field + ".id");
                break;
            case "SubStatement" when allowSubStatement:
                Properties(target, field, SubStatementProperties);
                Agent(Required(target, "actor", field + "."), field + ".actor", allowGroup: true);
                Verb(Required(target, "verb", field + "."), field + ".verb");
                var inner = Object(Required(target, "object", field + "."), field + ".object", allowSubStatement: false);
                if (target.TryGetProperty("result", out var result))
                {
                    Result(result, field + ".result");
                }

                if (target.TryGetProperty("context", out var context))
                {
                    Context(context, field + ".context", inner);
                }

                if (target.TryGetProperty("timestamp", out var timestamp))
                {
                    Timestamp(timestamp, field + ".timestamp");
                }

                if (target.TryGetProperty("attachments", out var attachments))
                {
                    Attachments(attachments, field + ".attachments");
                }

                break;
            default:
                throw Fail(field + ".objectType", allowSubStatement
                    ? "must be Activity, Agent, Group, StatementRef or SubStatement"
                    : "must be Activity, Agent, Group or StatementRef (a SubStatement cannot hold another)");
        }

        return type;
    }

    public static void Activity(JsonElement activity, string field)
    {
        Properties(activity, field, ActivityProperties);
        Iri(Required(activity, "id", field + "."), field + ".id");
        if (!activity.TryGetProperty("definition", out var definition))
        {
            return;
        }

        var at = field + ".definition";
        if (definition.ValueKind != JsonValueKind.Object)
        {
            throw Fail(at, "must be an object");
        }

        Properties(definition, at, DefinitionProperties);
        foreach (var map in (string[])["name", "description"])
        {
            if (definition.TryGetProperty(map, out var value))
            {
                LanguageMap(value, $"{at}.{map}");
            }
        }

        if (definition.TryGetProperty("type", out var type))
        {
            Iri(type, at + ".type");
        }

        if (definition.TryGetProperty("moreInfo", out var moreInfo))
        {
            Iri(moreInfo, at + ".moreInfo");
        }

        if (definition.TryGetProperty("extensions", out var extensions))
        {
            Extensions(extensions, at + ".extensions");
        }

        string[] allowed = [];
        if (definition.TryGetProperty("interactionType", out var interaction))
        {
            if (interaction.ValueKind != JsonValueKind.String || !ComponentListsByInteraction.TryGetValue(interaction.GetString()!, out allowed!))
            {
                throw Fail(at + ".interactionType", "must be one of " + string.Join(", ", ComponentListsByInteraction.Keys));
            }
        }
        else if (definition.TryGetProperty("correctResponsesPattern", out _))
        {
            throw Fail(at + ".interactionType", "is required with correctResponsesPattern");
        }

        if (definition.TryGetProperty("correctResponsesPattern", out var pattern)
            && (pattern.ValueKind != JsonValueKind.Array || pattern.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String)))
        {
            throw Fail(at + ".correctResponsesPattern", "must be an array of strings");
        }

        foreach (var list in ComponentLists)
        {
            if (!definition.TryGetProperty(list, out var components))
            {
                continue;
            }

            if (!allowed.Contains(list))
            {
                throw Fail($"{at}.{list}", "is not allowed for this interactionType");
            }

            if (components.ValueKind != JsonValueKind.Array)
            {
                throw Fail($"{at}.{list}", "must be an array of interaction components");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var component in components.EnumerateArray())
            {
                var c = $"{at}.{list}[{index++}]";
                if (component.ValueKind != JsonValueKind.Object)
                {
                    throw Fail(c, "must be an object with an id");
                }

                Properties(component, c, InteractionComponentProperties);
                if (Required(component, "id", c + ".") is not { ValueKind: JsonValueKind.String } componentId || componentId.GetString()!.Length == 0)
                {
                    throw Fail(c + ".id", "must be a non-empty string");
                }
                else if (!ids.Add(componentId.GetString()!))
                {
                    throw Fail(c + ".id", "repeats an id of this list");
                }

                if (component.TryGetProperty("description", out var description))
                {
                    LanguageMap(description, c + ".description");
                }
            }
        }
    }

    private static void Result(JsonElement result, string field)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw Fail(field, "must be an object");
        }

        Properties(result, field, ResultProperties);
        foreach (var flag in (string[])["success", "completion"])
        {
            if (result.TryGetProperty(flag, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Fail($"{field}.{flag}", "must be true or false");
            }
        }

        if (result.TryGetProperty("response", out var response) && response.ValueKind != JsonValueKind.String)
        {
            throw Fail(field + ".response", "must be a string");
        }

        if (result.TryGetProperty("duration", out var duration)
            && (duration.ValueKind != JsonValueKind.String || !DurationPattern().IsMatch(duration.GetString()!) || duration.GetString()!.EndsWith('T')))
        {
            throw Fail(field + ".duration", "must be an ISO 8601 duration such as 'PT25M'");
        }

        if (result.TryGetProperty("extensions", out var extensions))
        {
            Extensions(extensions, field + ".extensions");
        }

        if (!result.TryGetProperty("score", out var score))
        {
            return;
        }

        if (score.ValueKind != JsonValueKind.Object)
        {
            throw Fail(field + ".score", "must be an object");
        }

        Properties(score, field + ".score", ScoreProperties);
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in ScoreProperties)
        {
            if (score.TryGetProperty(name, out var n))
            {
                numbers[name] = n.ValueKind == JsonValueKind.Number ? n.GetDouble() : throw Fail($"{field}.score.{name}", "must be a number");
            }
        }

        if (numbers.TryGetValue("scaled", out var scaled) && scaled is < -1 or > 1)
        {
            throw Fail(field + ".score.scaled", "must be between -1 and 1");
        }

        if (numbers.TryGetValue("min", out var min) && numbers.TryGetValue("max", out var max) && min >= max)
        {
            throw Fail(field + ".score.min", "must be less than score.max");
        }

        if (numbers.TryGetValue("raw", out var raw)
            && ((numbers.TryGetValue("min", out var low) && raw < low) || (numbers.TryGetValue("max", out var high) && raw > high)))
        {
            throw Fail(field + ".score.raw", "must lie between score.min and score.max");
        }
    }

    private static void Context(JsonElement context, string field, string objectType)
    {
        if (context.ValueKind != JsonValueKind.Object)
        {
            throw Fail(field, "must be an object");
        }

        Properties(context, field, ContextProperties);
        if (context.TryGetProperty("registration", out var registration))
        {
            Uuid(registration, field + ".registration");
        }

        if (context.TryGetProperty("instructor", out var instructor))
        {
            Agent(instructor, field + ".instructor", allowGroup: true);
        }

        if (context.TryGetProperty("team", out var team))
        {
            if (team.ValueKind != JsonValueKind.Object || OptionalString(team, "objectType", field + ".team") != "Group")
            {
                throw Fail(field + ".team", "must be a Group");
            }

            Agent(team, field + ".team", allowGroup: true);
        }

        foreach (var text in (string[])["revision", "platform"])
        {
            if (context.TryGetProperty(text, out var value))
            {
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw Fail($"{field}.{text}", "must be a string");
                }

                if (objectType != "Activity")
                {
                    throw Fail($"{field}.{text}", "is only allowed when the object is an Activity");
                }
            }
        }

        if (context.TryGetProperty("language", out var language)
            && (language.ValueKind != JsonValueKind.String || !LanguageTagPattern().IsMatch(language.GetString()!)))
        {
            throw Fail(field + ".language", "must be an RFC 5646 language tag");
        }

        if (context.TryGetProperty("statement", out var statement))
        {
            if (statement.ValueKind != JsonValueKind.Object || OptionalString(statement, "objectType", field + ".statement") != "StatementRef")
            {
                throw Fail(field + ".statement", "must be a StatementRef");
            }

            Properties(statement, field + ".statement", StatementRefProperties);
            Uuid(Required(statement, "id", field + ".statement."), field + ".statement.id");
        }

        if (context.TryGetProperty("extensions", out var extensions))
        {
            Extensions(extensions, field + ".extensions");
        }

        if (!context.TryGetProperty("contextActivities", out var activities))
        {
            return;
        }

        if (activities.ValueKind != JsonValueKind.Object)
        {
            throw Fail(field + ".contextActivities", "must be an object");
        }

        Properties(activities, field + ".contextActivities", ContextActivityKinds);
        foreach (var kind in activities.EnumerateObject())
        {
            var at = $"{field}.contextActivities.{kind.Name}";
            var list = kind.Value.ValueKind == JsonValueKind.Array ? kind.Value.EnumerateArray().ToList() : [kind.Value];
            var index = 0;
            foreach (var activity in list)
            {
                var a = kind.Value.ValueKind == JsonValueKind.Array ? $"{at}[{index++}]" : at;
                if (activity.ValueKind != JsonValueKind.Object || (OptionalString(activity, "objectType", a) ?? "Activity") != "Activity")
                {
                    throw Fail(a, "must be an Activity");
                }

                Activity(activity, a);
            }
        }
    }

    private static void Attachments(JsonElement attachments, string field)
    {
        if (attachments.ValueKind != JsonValueKind.Array)
        {
            throw Fail(field, "must be an array of attachments");
        }

        var index = 0;
        foreach (var attachment in attachments.EnumerateArray())
        {
            var at = $"{field}[{index++}]";
            if (attachment.ValueKind != JsonValueKind.Object)
            {
                throw Fail(at, "must be an object");
            }

            Properties(attachment, at, AttachmentProperties);
            Iri(Required(attachment, "usageType", at + "."), at + ".usageType");
            LanguageMap(Required(attachment, "display", at + "."), at + ".display");
            if (attachment.TryGetProperty("description", out var description))
            {
                LanguageMap(description, at + ".description");
            }

            if (Required(attachment, "contentType", at + ".") is not { ValueKind: JsonValueKind.String } contentType
                || !MediaTypePattern().IsMatch(contentType.GetString()!))
            {
                throw Fail(at + ".contentType", "must be an Internet media type");
            }

            if (Required(attachment, "length", at + ".") is not { ValueKind: JsonValueKind.Number } length || !length.TryGetInt64(out var l) || l < 0)
            {
                throw Fail(at + ".length", "must be a non-negative integer");
            }

            if (Required(attachment, "sha2", at + ".") is not { ValueKind: JsonValueKind.String } sha2 || !Sha2Pattern().IsMatch(sha2.GetString()!))
            {
                throw Fail(at + ".sha2", "must be a SHA-2 hash in hexadecimal");
            }

            if (attachment.TryGetProperty("fileUrl", out var fileUrl))
            {
                Iri(fileUrl, at + ".fileUrl");
            }
        }
    }

    public static void LanguageMap(JsonElement map, string field)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw Fail(field, "must be a language map");
        }

        foreach (var entry in map.EnumerateObject())
        {
            if (!LanguageTagPattern().IsMatch(entry.Name))
            {
                throw Fail(field, $"has '{entry.Name}', which is no RFC 5646 language tag");
            }

            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw Fail($"{field}.{entry.Name}", "must be a string");
            }
        }
    }

    public static void Extensions(JsonElement extensions, string field)
    {
        if (extensions.ValueKind != JsonValueKind.Object)
        {
            throw Fail(field, "must be an object whose keys are IRIs");
        }

        foreach (var entry in extensions.EnumerateObject())
        {
            if (!IsIri(entry.Name))
            {
                throw Fail(field, $"has the key '{entry.Name}', which is no IRI");
            }
        }
    }

    private static void Timestamp(JsonElement timestamp, string field)
    {
        if (timestamp.ValueKind != JsonValueKind.String || !IsTimestamp(timestamp.GetString()!))
        {
            throw Fail(field, "must be an ISO 8601 timestamp with an offset, such as 2026-01-31T18:00:00.000Z");
        }
    }

    public static bool IsTimestamp(string text) =>
        TimestampPattern().IsMatch(text) && !text.EndsWith("-00:00", StringComparison.Ordinal) && !text.EndsWith("-0000", StringComparison.Ordinal)
        && !text.EndsWith("-00", StringComparison.Ordinal)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static void Uuid(JsonElement id, string field)
    {
        if (id.ValueKind != JsonValueKind.String || !IsUuid(id.GetString()!))
        {
            throw Fail(field, "must be a UUID");
        }
    }

    public static bool IsUuid(string text) => UuidPattern().IsMatch(text);

    private static void Iri(JsonElement iri, string field)
    {
        if (iri.ValueKind != JsonValueKind.String || !IsIri(iri.GetString()!))
        {
            throw Fail(field, "must be an absolute IRI of at most 2048 characters");
        }
    }

    public static bool IsIri(string text) =>
        text.Length is > 0 and <= 2048 && IriSchemePattern().IsMatch(text) && !text.Any(char.IsWhiteSpace)
        && Uri.TryCreate(text, UriKind.Absolute, out _);

    private static string? OptionalString(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Fail($"{field}.{name}", "must be a string");
    }

    private static JsonElement Required(JsonElement parent, string name, string at) =>
        parent.TryGetProperty(name, out var value) ? value : throw new StatementParseException(at + name, $"{at}{name} is required.");

    private static void Properties(JsonElement element, string field, HashSet<string> known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new StatementParseException($"{field}.{property.Name}", $"{field}.{property.Name} is not a property xAPI 1.0.3 allows here.");
            }
        }
    }

    private static StatementParseException Fail(string field, string rule) => new(field, $"{field} {rule}.");

    [GeneratedRegex(@"^1\.0\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MboxPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha1Pattern();

    [GeneratedRegex(@"^([0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha2Pattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex IriSchemePattern();

    [GeneratedRegex(@"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTagPattern();

    [GeneratedRegex(@"^[A-Za-z0-9!#$&^_.+\-]+/[A-Za-z0-9!#$&^_.+\-]+(\s*;.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaTypePattern();

    [GeneratedRegex(@"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
