using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Api.Xapi.Documents;

/// <summary>
/// The <c>agent</c> parameter of the document, Agents and State resources: an xAPI 1.0.3 Agent object (Data
/// 2.4.2.1) with exactly one inverse functional identifier. <see cref="Key"/> names the agent for storage;
/// <see cref="LearnerId"/> is the platform learner it is, when its account is on the platform.
/// </summary>
internal sealed partial record XapiAgent(string Key, JsonObject Agent, string? LearnerId)
{
    private static readonly HashSet<string> Properties = new(["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"], StringComparer.Ordinal);

    /// <summary>Parses the URL-decoded parameter; throws <see cref="StatementParseException"/> naming the field.</summary>
    public static XapiAgent Parse(string text, string field, string platformBase)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            throw new StatementParseException(field, $"{field} must be a JSON Agent object (URL-encoded).");
        }

        if (node is not JsonObject agent)
        {
            throw new StatementParseException(field, $"{field} must be a JSON Agent object (URL-encoded).");
        }

        foreach (var (name, _) in agent)
        {
            if (!Properties.Contains(name))
            {
                throw new StatementParseException($"{field}.{name}", $"{field}.{name} is not a property of an Agent.");
            }
        }

        if (agent["objectType"] is { } type && (type.GetValueKind() != JsonValueKind.String || type.GetValue<string>() != "Agent"))
        {
            throw new StatementParseException(field + ".objectType", $"{field}.objectType must be \"Agent\" (a Group is not accepted here).");
        }

        if (agent["name"] is { } displayName && displayName.GetValueKind() != JsonValueKind.String)
        {
            throw new StatementParseException(field + ".name", $"{field}.name must be a string.");
        }

        var identifiers = agent.Where(p => p.Key is "mbox" or "mbox_sha1sum" or "openid" or "account").ToList();
        if (identifiers.Count != 1)
        {
            throw new StatementParseException(field, $"{field} must have exactly one of mbox, mbox_sha1sum, openid, account (it has {identifiers.Count}).");
        }

        var (ifi, value) = identifiers[0];
        var at = $"{field}.{ifi}";
        switch (ifi)
        {
            case "mbox":
                var mbox = Text(value, at);
                if (!MailtoPattern().IsMatch(mbox))
                {
                    throw new StatementParseException(at, $"{at} must be a mailto IRI, such as mailto:ada@example.org.");
                }

                return new XapiAgent("mbox:" + mbox, agent, null);
            case "mbox_sha1sum":
                var sum = Text(value, at);
                if (!Sha1Pattern().IsMatch(sum))
                {
                    throw new StatementParseException(at, $"{at} must be the 40 hexadecimal digits of a SHA-1 hash.");
                }

                return new XapiAgent("mbox_sha1sum:" + sum.ToLowerInvariant(), agent, null);
            case "openid":
                var openId = Text(value, at);
                if (!Uri.TryCreate(openId, UriKind.Absolute, out _))
                {
                    throw new StatementParseException(at, $"{at} must be an absolute URI.");
                }

                return new XapiAgent("openid:" + openId, agent, null);
            default:
                if (value is not JsonObject account)
                {
                    throw new StatementParseException(at, $"{at} must be an object with homePage and name.");
                }

                if (account.Select(p => p.Key).FirstOrDefault(k => k is not ("homePage" or "name")) is { } extra)
                {
                    throw new StatementParseException($"{at}.{extra}", $"{at}.{extra} is not a property of an account.");
                }

                var homePage = Text(account["homePage"], at + ".homePage");
                if (!Uri.TryCreate(homePage, UriKind.Absolute, out _))
                {
                    throw new StatementParseException(at + ".homePage", $"{at}.homePage must be an absolute IRL.");
                }

                var accountName = Text(account["name"], at + ".name");
                var learnerId = homePage.TrimEnd('/') == platformBase && Ids.IsValid(accountName) ? accountName : null;
                return new XapiAgent($"account:{homePage}\n{accountName}", agent, learnerId);
        }
    }

    /// <summary>The platform agent of a learner (the actor of the platform's own statements).</summary>
    public static JsonObject OfLearner(string platformBase, string learnerId) => new()
    {
        ["objectType"] = "Agent",
        ["account"] = new JsonObject { ["homePage"] = platformBase, ["name"] = learnerId },
    };

    private static string Text(JsonNode? node, string field) =>
        node is not null && node.GetValueKind() == JsonValueKind.String && node.GetValue<string>() is { Length: > 0 and <= 2048 } text
            ? text
            : throw new StatementParseException(field, $"{field} must be a non-empty string of at most 2048 characters.");

    [GeneratedRegex("^mailto:[^@\\s]+@[^@\\s]+$")]
    private static partial Regex MailtoPattern();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex Sha1Pattern();
}
