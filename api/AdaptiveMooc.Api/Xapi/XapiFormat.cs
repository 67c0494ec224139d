using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Xapi;

/// <summary>
/// The <c>format</c> parameter of statement GETs: <c>exact</c> returns statements as stored; <c>ids</c> keeps only
/// what identifies agents, groups, activities and verbs; <c>canonical</c> keeps one language of each language
/// map, the first of <c>Accept-Language</c> that the map has (else its first entry).
/// </summary>
internal sealed class XapiFormat(string format, string acceptLanguage)
{
    private static readonly string[] Identifiers = ["mbox", "mbox_sha1sum", "openid", "account"];

    private readonly string[] languages = [.. acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => l.Split(';')[0].Trim()).Where(l => l.Length > 0 && l != "*")];

    public JsonNode Apply(JsonNode node)
    {
        if (format == "ids")
        {
            Ids(node);
        }
        else if (format == "canonical")
        {
            Canonical(node);
        }

        return node;
    }

    private static void Ids(JsonNode node)
    {
        if (node is not JsonObject statement)
        {
            return;
        }

        foreach (var name in (string[])["actor", "authority"])
        {
            if (statement[name] is JsonObject agent)
            {
                Agent(agent);
            }
        }

        if (statement["verb"] is JsonObject verb)
        {
            verb.Remove("display");
        }

        if (statement["object"] is JsonObject target)
        {
            switch (target["objectType"]?.GetValue<string>() ?? "Activity")
            {
                case "Activity":
                    target.Remove("definition");
                    break;
                case "Agent" or "Group":
                    Agent(target);
                    break;
                case "SubStatement":
                    Ids(target);
                    break;
            }
        }

        if (statement["context"] is JsonObject context)
        {
            foreach (var name in (string[])["instructor", "team"])
            {
                if (context[name] is JsonObject agent)
                {
                    Agent(agent);
                }
            }

            if (context["contextActivities"] is JsonObject activities)
            {
                foreach (var (_, value) in activities)
                {
                    foreach (var activity in value is JsonArray list ? list.OfType<JsonObject>() : value is JsonObject one ? [one] : [])
                    {
                        activity.Remove("definition");
                    }
                }
            }
        }
    }

    private static void Agent(JsonObject agent)
    {
        agent.Remove("name");
        var identified = Identifiers.Any(agent.ContainsKey);
        if (identified)
        {
            agent.Remove("member");
        }
        else if (agent["member"] is JsonArray members)
        {
            foreach (var member in members.OfType<JsonObject>())
            {
                member.Remove("name");
            }
        }
    }

    private void Canonical(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key is "display" or "name" or "description" && value is JsonObject map && IsLanguageMap(map))
                    {
                        Reduce(map);
                    }
                    else if (key != "extensions")
                    {
                        Canonical(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Canonical(item);
                }

                break;
        }
    }

    private static bool IsLanguageMap(JsonObject map) => map.Count > 0 && map.All(kv => kv.Value is JsonValue value && value.TryGetValue<string>(out _));

    private void Reduce(JsonObject map)
    {
        var keep = languages.Select(l => map.Select(kv => kv.Key).FirstOrDefault(k => k.Equals(l, StringComparison.OrdinalIgnoreCase)
                || k.StartsWith(l + "-", StringComparison.OrdinalIgnoreCase))).FirstOrDefault(k => k is not null)
            ?? map.First().Key;
        foreach (var key in map.Select(kv => kv.Key).Where(k => k != keep).ToList())
        {
            map.Remove(key);
        }
    }
}
