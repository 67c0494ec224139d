using System.Text.Json;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Analytics;

/// <summary>
/// How many interactions a statement stands for. The risk models were trained on OULAD clicks, and an
/// OULAD replay (<c>./mooc import oulad</c>) sends one statement per learner, resource and day with that
/// day's clicks in a result extension; counting such a statement once would understate every click
/// feature. Any other statement is one interaction. The JSON is parsed only when the extension is there.
/// </summary>
internal static class InteractionCount
{
    public const string ExtensionSuffix = "/xapi/extensions/oulad-clicks";

    /// <summary>A day's clicks on one resource never come near this; a larger value is not believed.</summary>
    private const int Max = 100_000;

    public static int Of(StatementRecord statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (!statement.Json.Contains(ExtensionSuffix, StringComparison.Ordinal))
        {
            return 1;
        }

        try
        {
            using var document = JsonDocument.Parse(statement.Json);
            if (document.RootElement.TryGetProperty("result", out var result)
                && result.ValueKind == JsonValueKind.Object
                && result.TryGetProperty("extensions", out var extensions)
                && extensions.ValueKind == JsonValueKind.Object)
            {
                foreach (var extension in extensions.EnumerateObject())
                {
                    if (extension.Name.EndsWith(ExtensionSuffix, StringComparison.Ordinal)
                        && extension.Value.ValueKind == JsonValueKind.Number
                        && extension.Value.TryGetInt32(out var count)
                        && count is > 0 and <= Max)
                    {
                        return count;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // The store holds only statements that parsed at the edge; a malformed one counts once.
        }

        return 1;
    }
}
