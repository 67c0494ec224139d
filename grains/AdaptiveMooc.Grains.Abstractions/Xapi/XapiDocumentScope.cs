using System.Globalization;

namespace AdaptiveMooc.Grains.Abstractions.Xapi;

/// <summary>
/// One document context: the kind, and the activity id, the agent's identifier key (see the API's
/// <c>XapiAgent.Key</c>) and the registration that apply to that kind. <see cref="Key"/> is the grain key
/// (fields separated by newlines, which activity ids and UUIDs never hold); <see cref="Parse"/> reverses it.
/// </summary>
public sealed record XapiDocumentScope(XapiDocumentKind Kind, string? ActivityId, string? AgentKey, Guid? Registration)
{
    public string Key => string.Join('\n',
        ((int)Kind).ToString(CultureInfo.InvariantCulture), ActivityId ?? string.Empty, AgentKey ?? string.Empty, Registration?.ToString("D") ?? string.Empty);

    public static XapiDocumentScope State(string activityId, string agentKey, Guid? registration) =>
        new(XapiDocumentKind.State, activityId, agentKey, registration);

    public static XapiDocumentScope ActivityProfile(string activityId) => new(XapiDocumentKind.ActivityProfile, activityId, null, null);

    public static XapiDocumentScope AgentProfile(string agentKey) => new(XapiDocumentKind.AgentProfile, null, agentKey, null);

    public static XapiDocumentScope Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // The agent key may itself hold a newline (an account's name): kind and activity id come from the
        // front, the registration from the back, and the agent key is what lies between.
        var first = key.IndexOf('\n', StringComparison.Ordinal);
        var second = first < 0 ? -1 : key.IndexOf('\n', first + 1);
        var last = key.LastIndexOf('\n');
        if (second < 0 || last <= second
            || !int.TryParse(key.AsSpan(0, first), NumberStyles.None, CultureInfo.InvariantCulture, out var kind) || !Enum.IsDefined((XapiDocumentKind)kind))
        {
            throw new ArgumentException($"'{key}' is not an xAPI document scope key.", nameof(key));
        }

        var activityId = key[(first + 1)..second];
        var agentKey = key[(second + 1)..last];
        var registration = key[(last + 1)..];
        return new XapiDocumentScope(
            (XapiDocumentKind)kind,
            activityId.Length == 0 ? null : activityId,
            agentKey.Length == 0 ? null : agentKey,
            registration.Length == 0 ? null : Guid.Parse(registration, CultureInfo.InvariantCulture));
    }
}
