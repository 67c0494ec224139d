using System.Text.Json;

namespace AdaptiveMooc.Grains.Abstractions.Statements;

/// <summary>Derives the <see cref="XapiIndex"/> of a statement (its JSON already validated) and the keys of agents.</summary>
public static class XapiIndexer
{
    public const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";

    /// <summary>The statement's index, or null when <paramref name="json"/> is no statement object.</summary>
    public static XapiIndex? From(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object ? From(document.RootElement, []) : null;
    }

    public static XapiIndex From(JsonElement statement, IReadOnlyList<string> attachments)
    {
        var agents = new List<string>();
        var related = new List<string>();
        var activities = new List<string>();
        if (statement.TryGetProperty("actor", out var actor))
        {
            AddAgent(actor, agents, related);
        }

        Guid? reference = null;
        if (statement.TryGetProperty("object", out var target) && target.ValueKind == JsonValueKind.Object)
        {
            switch (ObjectType(target))
            {
                case "Agent" or "Group":
                    AddAgent(target, agents, related);
                    break;
                case "StatementRef":
                    reference = target.TryGetProperty("id", out var id) && Guid.TryParse(id.GetString(), out var g) ? g : null;
                    break;
                case "SubStatement":
                    AddSubStatement(target, related, activities);
                    break;
                default:
                    if (target.TryGetProperty("id", out var activityId) && activityId.ValueKind == JsonValueKind.String)
                    {
                        activities.Add(activityId.GetString()!);
                    }

                    break;
            }
        }

        Guid? registration = null;
        if (statement.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object)
        {
            AddContext(context, related, activities);
            if (context.TryGetProperty("registration", out var r) && r.ValueKind == JsonValueKind.String && Guid.TryParse(r.GetString(), out var parsed))
            {
                registration = parsed;
            }
        }

        if (statement.TryGetProperty("authority", out var authority))
        {
            AddAgent(authority, [], related);
        }

        var voiding = statement.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.Object
            && verb.TryGetProperty("id", out var verbId) && verbId.ValueKind == JsonValueKind.String && verbId.GetString() == VoidedVerb;
        return new XapiIndex(
            agents.Distinct(StringComparer.Ordinal).ToList(),
            related.Distinct(StringComparer.Ordinal).ToList(),
            activities.Distinct(StringComparer.Ordinal).ToList(),
            registration,
            reference,
            voiding && reference is not null,
            attachments);
    }

    /// <summary>The inverse functional identifier of an agent or identified group, as a key; null when it has none.</summary>
    public static string? KeyOf(JsonElement agent)
    {
        if (agent.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (agent.TryGetProperty("mbox", out var mbox) && mbox.ValueKind == JsonValueKind.String)
        {
            return "mbox:" + mbox.GetString();
        }

        if (agent.TryGetProperty("mbox_sha1sum", out var sha1) && sha1.ValueKind == JsonValueKind.String)
        {
            return "mbox_sha1sum:" + sha1.GetString()!.ToLowerInvariant();
        }

        if (agent.TryGetProperty("openid", out var openid) && openid.ValueKind == JsonValueKind.String)
        {
            return "openid:" + openid.GetString();
        }

        if (agent.TryGetProperty("account", out var account) && account.ValueKind == JsonValueKind.Object
            && account.TryGetProperty("homePage", out var homePage) && homePage.ValueKind == JsonValueKind.String
            && account.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            return AccountKey(homePage.GetString()!, name.GetString()!);
        }

        return null;
    }

    public static string AccountKey(string homePage, string name) => "account:" + homePage + "|" + name;

    private static string ObjectType(JsonElement element) =>
        element.TryGetProperty("objectType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "Activity";

    private static void AddAgent(JsonElement agent, List<string> direct, List<string> related)
    {
        if (KeyOf(agent) is { } key)
        {
            direct.Add(key);
            related.Add(key);
        }

        // A group's members are related agents; for an anonymous group they are what the agent filter can match.
        if (agent.ValueKind == JsonValueKind.Object && agent.TryGetProperty("member", out var members) && members.ValueKind == JsonValueKind.Array)
        {
            foreach (var member in members.EnumerateArray())
            {
                if (KeyOf(member) is { } memberKey)
                {
                    related.Add(memberKey);
                }
            }
        }
    }

    private static void AddContext(JsonElement context, List<string> related, List<string> activities)
    {
        foreach (var name in (string[])["instructor", "team"])
        {
            if (context.TryGetProperty(name, out var agent))
            {
                AddAgent(agent, [], related);
            }
        }

        if (context.TryGetProperty("contextActivities", out var contextActivities) && contextActivities.ValueKind == JsonValueKind.Object)
        {
            foreach (var kind in contextActivities.EnumerateObject())
            {
                var list = kind.Value.ValueKind == JsonValueKind.Array ? kind.Value.EnumerateArray().ToList() : [kind.Value];
                foreach (var activity in list)
                {
                    if (activity.ValueKind == JsonValueKind.Object && activity.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        activities.Add(id.GetString()!);
                    }
                }
            }
        }
    }

    private static void AddSubStatement(JsonElement sub, List<string> related, List<string> activities)
    {
        if (sub.TryGetProperty("actor", out var actor))
        {
            AddAgent(actor, [], related);
        }

        if (sub.TryGetProperty("object", out var target) && target.ValueKind == JsonValueKind.Object)
        {
            switch (ObjectType(target))
            {
                case "Agent" or "Group":
                    AddAgent(target, [], related);
                    break;
                case "Activity":
                    if (target.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        activities.Add(id.GetString()!);
                    }

                    break;
            }
        }

        if (sub.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object)
        {
            AddContext(context, related, activities);
        }
    }
}
